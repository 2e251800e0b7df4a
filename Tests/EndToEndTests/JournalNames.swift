import QanatChannel
import QanatCore

/// `user`'s journal of this month in `journals`, as their writers name it (`JournalPlace.own`).
func monthlyJournal(_ journals: String, _ user: String) -> String {
    journals + "/\(user).\(Month(of: Clock.now())).jsonl"
}
