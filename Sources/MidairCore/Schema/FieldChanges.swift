extension Fields {
    /// The names of fields whose values differ between `self` and `other`,
    /// in the order of `self` then any only in `other`.
    public func changedFields(comparedTo other: Fields) -> [String] {
        keys.filter { self[$0] != other[$0] } + other.keys.filter { self[$0] == nil }
    }
}
