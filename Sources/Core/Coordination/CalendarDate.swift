/// A day in Libya time, `2026-12-02`: the dates of activities and pledges. End dates are
/// inclusive — an activity ending on the 5th is still within its dates all that day.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let dayNumber: Int64

    public init(dayNumber: Int64) { self.dayNumber = dayNumber }

    /// `YYYY-MM-DD`, with Western or Arabic-Indic digits; a day that does not exist is refused.
    public init(_ text: String, field: String) throws(ValidationError) {
        // Dates read back from the store are canonical: their ten bytes, checked in place.
        if let number = text.utf8.withContiguousStorageIfAvailable(Self.canonicalDay) ?? nil {
            dayNumber = number
            return
        }
        let parts = Digits.western(text.trimmingSpaces()).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let year = Int64(parts[0]), let month = Int64(parts[1]), let day = Int64(parts[2]),
            (1...12).contains(month), (1...31).contains(day)
        else { throw ValidationError(field: field, value: text, problem: .malformed(expected: "a date YYYY-MM-DD")) }
        let number = CivilTime.days(fromCivil: year, month, day)
        // 2026-02-30 would land on 2026-03-02: refuse a day the month does not have.
        guard CivilTime.civil(fromDays: number) == (year, Int(month), Int(day)) else {
            throw ValidationError(field: field, value: text, problem: .malformed(expected: "a day of the calendar"))
        }
        dayNumber = number
    }

    /// `YYYY-MM-DD` in ASCII digits, naming a day of the calendar; nil for anything else.
    private static func canonicalDay(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard bytes.count == 10, bytes[4] == 45, bytes[7] == 45 else { return nil }
        func number(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int64(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        let days = CivilTime.days(fromCivil: year, month, day)
        return CivilTime.civil(fromDays: days) == (year, Int(month), Int(day)) ? days : nil
    }

    /// The day `time` falls on in Libya.
    public init(libyaDayOf time: Timestamp) {
        let civil = LibyaTime.civil(time)
        dayNumber = CivilTime.days(fromCivil: civil.year, Int64(civil.month), Int64(civil.day))
    }

    /// The first moment of this day in Libya.
    public var startInLibya: Timestamp {
        Timestamp(millisecondsSinceEpoch: dayNumber * 86_400_000 - Int64(LibyaTime.offsetMinutes) * 60_000)
    }

    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + Int64(days)) }

    /// Whole days from `self` to `later`.
    public func days(until later: CalendarDate) -> Int { Int(later.dayNumber - dayNumber) }

    public var description: String {
        let (year, month, day) = CivilTime.civil(fromDays: dayNumber)
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { a.dayNumber < b.dayNumber }
}

/// Two date ranges, ends inclusive, share at least one day.
public func overlap(_ a: ClosedRange<CalendarDate>, _ b: ClosedRange<CalendarDate>) -> Bool {
    a.lowerBound <= b.upperBound && b.lowerBound <= a.upperBound
}
