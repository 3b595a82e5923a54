/// The version `pushdesk --version` prints and `pushdesk doctor` reports.
public enum PushDeskVersion {
    /// Semantic version of this build.
    public static let current = "0.2.0"
}
