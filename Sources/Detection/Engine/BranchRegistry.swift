// The one list of detection branches. Every front end (CLI, workbench, API) reads it; adding a
// branch is adding its type here.

public enum BranchRegistry {
    /// All branches, in the order reports and the branch panel list them.
    public static let all: [any Branch] = [
        ForensicBranch(),
        LipSyncBranch(),
        MetadataBranch(),
        PDFBranch(),
    ]

    /// The branch with this id.
    public static func branch(_ id: String) -> (any Branch)? { all.first { $0.id == id } }

    /// Every id the architecture names (including branches whose issue has not landed yet), so
    /// `--branches` can tell "unknown" from "not available in this build".
    public static let plannedIDs = ["spatial", "temporal", "autoencoder", "audio", "lipsync", "forensic", "metadata", "pdf"]
}
