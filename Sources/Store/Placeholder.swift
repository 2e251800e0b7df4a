import QanatCore
