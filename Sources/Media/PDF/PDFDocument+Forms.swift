// The interactive form (AcroForm) fields of an open PDF, page by page, with their values and
// the actions they run. A form in an "invoice" or "statement" is worth a look; a field with a
// calculate or validate script is JavaScript that runs as the user types.
import CPoppler
import Foundation

extension PDFDocument {
    /// One form field widget.
    public struct FormField: Sendable, Equatable {
        /// poppler's id of the field (unique in the document).
        public var id: Int
        /// Fully qualified name (`poppler_form_field_get_name`).
        public var name: String?
        /// `button`, `text`, `choice`, `signature` or `unknown`.
        public var type: String
        public var page: Int
        public var readOnly: Bool
        /// Current value of a text or choice field.
        public var value: String?
        /// The field's activation action and its additional actions.
        public var actions: [Action]
    }

    /// The form fields on page `page` (`poppler_page_get_form_field_mapping`).
    public func formFields(page: Int) throws -> [FormField] {
        try withPage(page) { p in
            guard let list = poppler_page_get_form_field_mapping(p) else { return [] }
            defer { poppler_page_free_form_field_mapping(list) }
            var out: [FormField] = []
            var node: UnsafeMutablePointer<GList>? = list
            while let n = node {
                if let m = n.pointee.data?.assumingMemoryBound(to: PopplerFormFieldMapping.self), let f = m.pointee.field {
                    out.append(Self.formField(f, page: page))
                }
                node = n.pointee.next
            }
            return out
        }
    }

    /// The form fields of every page, at most `limit`.
    public func formFields(limit: Int = 10_000) -> [FormField] {
        var out: [FormField] = []
        let count = pageCount
        var page = 1
        while page <= count && out.count < limit {
            out += (try? formFields(page: page)) ?? []
            page += 1
        }
        return Array(out.prefix(limit))
    }

    static func formField(_ f: OpaquePointer, page: Int) -> FormField {
        let name = Poppler.take(poppler_form_field_get_name(f))
        let kind = poppler_form_field_get_field_type(f)
        let type: String
        var value: String?
        switch kind {
        case POPPLER_FORM_FIELD_BUTTON: type = "button"
        case POPPLER_FORM_FIELD_TEXT: type = "text"; value = Poppler.take(poppler_form_field_text_get_text(f))
        case POPPLER_FORM_FIELD_CHOICE: type = "choice"; value = Poppler.take(poppler_form_field_choice_get_text(f))
        case POPPLER_FORM_FIELD_SIGNATURE: type = "signature"
        default: type = "unknown"
        }
        let origin = "field \(name ?? "#\(poppler_form_field_get_id(f))")"
        // Actions are borrowed from the field (transfer none).
        var actions = [action(poppler_form_field_get_action(f), page: page, origin: origin)].compactMap { $0 }
        let triggers: [(PopplerAdditionalActionType, String)] = [
            (POPPLER_ADDITIONAL_ACTION_FIELD_MODIFIED, "keystroke"), (POPPLER_ADDITIONAL_ACTION_FORMAT_FIELD, "format"),
            (POPPLER_ADDITIONAL_ACTION_VALIDATE_FIELD, "validate"), (POPPLER_ADDITIONAL_ACTION_CALCULATE_FIELD, "calculate"),
        ]
        for (t, label) in triggers {
            if let a = action(poppler_form_field_get_additional_action(f, t), page: page, origin: "\(origin) (\(label))") {
                actions.append(a)
            }
        }
        return FormField(id: Int(poppler_form_field_get_id(f)), name: name, type: type, page: page,
                         readOnly: poppler_form_field_is_read_only(f) != 0, value: value, actions: actions)
    }
}
