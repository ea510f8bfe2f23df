extension Duration {
    /// The duration in seconds, fractions included: what `Date` arithmetic
    /// and people reading "1.6 s" want.
    public var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
