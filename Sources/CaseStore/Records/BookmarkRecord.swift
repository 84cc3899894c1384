// A bookmark: a place in an evidence file an analyst wants to come back to (a frame, a time, a
// page, a branch's view) with a note. Row of `bookmark`.
import Foundation
import GRDB

/// One bookmark on one evidence file.
public struct BookmarkRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "bookmark"

    public var id: Int64?
    public var evidenceId: Int64
    public var frame: Int?
    /// Seconds from the start.
    public var time: Double?
    public var page: Int?
    /// Branch id whose view the bookmark is on (`spatial`, `pdf`, ...).
    public var branch: String?
    public var note: String
    public var author: String
    public var createdAt: Date

    public init(id: Int64? = nil, evidenceId: Int64, frame: Int? = nil, time: Double? = nil, page: Int? = nil,
                branch: String? = nil, note: String, author: String, createdAt: Date = Date()) {
        self.id = id; self.evidenceId = evidenceId; self.frame = frame; self.time = time; self.page = page
        self.branch = branch; self.note = note; self.author = author; self.createdAt = createdAt
    }

    /// "frame 12 · 0.48 s · page 3 · branch spatial", the parts that are set.
    public var place: String {
        var parts: [String] = []
        // Frames are stored 0-based (as the engine counts them) and shown 1-based (as the workbench does).
        if let frame { parts.append("frame \(frame + 1)") }
        if let time { parts.append(String(format: "%.2f s", time)) }
        if let page { parts.append("page \(page)") }
        if let branch { parts.append("branch \(branch)") }
        return parts.isEmpty ? "whole file" : parts.joined(separator: " · ")
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    enum CodingKeys: String, CodingKey {
        case id, evidenceId = "evidence_id", frame, time, page, branch, note, author, createdAt = "created_at"
    }
}
