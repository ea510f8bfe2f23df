import MidairCore

/// GRDB has a `Record` class of its own; inside this module a record is
/// midair's. (Public signatures spell out `MidairCore.Record`.)
typealias Record = MidairCore.Record
