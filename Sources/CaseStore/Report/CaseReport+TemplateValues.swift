// The plain-text template values every report format shares (case name, examiner, dates); each
// renderer adds its own markup sections and escapes the text for its format.

extension CaseReport {
    /// `{{title}}`, `{{case_name}}`, `{{case_description}}`, `{{case_examiner}}`, `{{case_created}}`,
    /// `{{generated_at}}`, `{{generator}}`, as text to be escaped by the renderer.
    var textTemplateValues: [String: TemplateValue] {
        [
            "title": .text("Case report: \(caseInfo.name)"),
            "case_name": .text(caseInfo.name),
            "case_description": .text(caseInfo.description),
            "case_examiner": .text(caseInfo.examiner.isEmpty ? "not recorded" : caseInfo.examiner),
            "case_created": .text(caseInfo.createdAt),
            "generated_at": .text(generatedAt),
            "generator": .text(generator),
        ]
    }
}
