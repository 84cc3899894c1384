// What a PDF does when it is used: link actions on each page (URI, launch, JavaScript, named,
// go-to-remote) and the actions of form fields, including their additional actions (keystroke,
// format, validate, calculate), which is where form JavaScript lives. The document-level
// /OpenAction and /AA are not exposed by poppler-glib 22.12; `PDFStructure` counts them.
import CPoppler
import Foundation

extension PDFDocument {
    /// One action: what it does, its target, and where it was found.
    public struct Action: Sendable, Equatable {
        /// What the action does.
        public enum Kind: String, Sendable, CaseIterable {
            case uri, launch, javascript, named
            case gotoRemote = "goto-remote", gotoDest = "goto"
            case movie, rendition, ocgState = "ocg-state", resetForm = "reset-form", unknown
        }
        public var kind: Kind
        /// The URI, launched file (with parameters), script, named action (`NextPage`, `Print`, ...),
        /// remote file, or destination page; nil when the action has none.
        public var target: String?
        /// Page (1-based) of the link or field it belongs to.
        public var page: Int
        /// `link`, or `field <name>` with the trigger for additional actions (`field total (calculate)`).
        public var origin: String

        public init(kind: Kind, target: String?, page: Int, origin: String) {
            self.kind = kind; self.target = target; self.page = page; self.origin = origin
        }
    }

    /// The actions of the links on page `page` (`poppler_page_get_link_mapping`).
    public func links(page: Int) throws -> [Action] {
        try withPage(page) { p in
            guard let list = poppler_page_get_link_mapping(p) else { return [] }
            defer { poppler_page_free_link_mapping(list) }
            var out: [Action] = []
            var node: UnsafeMutablePointer<GList>? = list
            while let n = node {
                if let m = n.pointee.data?.assumingMemoryBound(to: PopplerLinkMapping.self),
                   let a = Self.action(m.pointee.action, page: page, origin: "link") { out.append(a) }
                node = n.pointee.next
            }
            return out
        }
    }

    /// Link and form-field actions of every page, at most `limit` in all. Actions that do
    /// nothing (`POPPLER_ACTION_NONE`) are left out.
    public func actions(limit: Int = 10_000) -> [Action] {
        var out: [Action] = []
        let count = pageCount
        var page = 1
        while page <= count && out.count < limit {
            out += (try? links(page: page)) ?? []
            for field in (try? formFields(page: page)) ?? [] { out += field.actions }
            page += 1
        }
        return Array(out.prefix(limit))
    }

    /// Converts a borrowed `PopplerAction*`; nil for no action.
    static func action(_ a: UnsafeMutablePointer<PopplerAction>?, page: Int, origin: String) -> Action? {
        guard let a else { return nil }
        let type = a.pointee.type
        func s(_ p: UnsafeMutablePointer<CChar>?) -> String? { p.map { String(cString: $0) } }
        switch type {
        case POPPLER_ACTION_NONE: return nil
        case POPPLER_ACTION_URI:
            return Action(kind: .uri, target: s(a.pointee.uri.uri), page: page, origin: origin)
        case POPPLER_ACTION_LAUNCH:
            let file = s(a.pointee.launch.file_name), params = s(a.pointee.launch.params)
            let target = [file, params].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return Action(kind: .launch, target: target.isEmpty ? nil : target, page: page, origin: origin)
        case POPPLER_ACTION_JAVASCRIPT:
            return Action(kind: .javascript, target: s(a.pointee.javascript.script), page: page, origin: origin)
        case POPPLER_ACTION_NAMED:
            return Action(kind: .named, target: s(a.pointee.named.named_dest), page: page, origin: origin)
        case POPPLER_ACTION_GOTO_REMOTE:
            return Action(kind: .gotoRemote, target: s(a.pointee.goto_remote.file_name), page: page, origin: origin)
        case POPPLER_ACTION_GOTO_DEST:
            var target: String?
            if let d = a.pointee.goto_dest.dest {
                target = d.pointee.type == POPPLER_DEST_NAMED ? s(d.pointee.named_dest) : "page \(d.pointee.page_num)"
            }
            return Action(kind: .gotoDest, target: target, page: page, origin: origin)
        case POPPLER_ACTION_MOVIE: return Action(kind: .movie, target: nil, page: page, origin: origin)
        case POPPLER_ACTION_RENDITION: return Action(kind: .rendition, target: nil, page: page, origin: origin)
        case POPPLER_ACTION_OCG_STATE: return Action(kind: .ocgState, target: nil, page: page, origin: origin)
        case POPPLER_ACTION_RESET_FORM: return Action(kind: .resetForm, target: nil, page: page, origin: origin)
        default: return Action(kind: .unknown, target: nil, page: page, origin: origin)
        }
    }
}
