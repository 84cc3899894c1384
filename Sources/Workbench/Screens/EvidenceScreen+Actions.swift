// What the evidence screen's own keys do: evidence layers, the metadata tree, case work
// (bookmarks, tags, notes), exporting the report, re-running the analysis, branch details.
import Detection
import Evidence
import Foundation
import Media

extension EvidenceScreen {
    func perform(_ action: KeyAction) -> ScreenResult? {
        switch action {
        case .nextLayer:
            let ids = layerIDs()
            guard !ids.isEmpty else { return .status("no evidence map yet for what is on screen") }
            layerIndex = layerIndex + 1 >= ids.count ? -1 : layerIndex + 1
            return .status(layerIndex < 0 ? "picture only" : "evidence map: \(ids[layerIndex])")
        case .opacity:
            let steps = [0.25, 0.5, 0.75, 1.0]
            opacity = steps[((steps.firstIndex(of: opacity) ?? 1) + 1) % steps.count]
            return .status("map opacity \(Int(opacity * 100))%")
        case .palette:
            let names = ["inferno", "viridis", "grey"]
            paletteName = names[((names.firstIndex(of: paletteName ?? "inferno") ?? 0) + 1) % names.count]
            return .status("palette \(paletteName!)")
        case .parameterUp, .parameterDown:
            let ids = layerIDs()
            guard layerIndex >= 0, layerIndex < ids.count, LayerTuner.isAdjustable(ids[layerIndex]) else {
                return .status("this layer has no parameter to adjust (ELA does: press v until forensic/ela)")
            }
            guard case .image(let image) = file.content else { return .status("ELA quality can be adjusted on images") }
            elaQuality = min(98, max(50, elaQuality + (action == .parameterUp ? 2 : -2)))
            tuner.ela(image, quality: elaQuality)
            return .status("recomputing ELA at quality \(elaQuality)…")
        case .markFrame:
            guard let v = viewer as? VideoViewer else { return .status("marking frames is for videos") }
            markedFrame = v.current
            return .status("marked frame \(v.current + 1); go to another frame and press C")
        case .compareMarked:
            guard let v = viewer as? VideoViewer, let marked = markedFrame else { return .status("mark a frame with M first (videos)") }
            guard let a = v.picture(marked), let b = v.picture(v.current) else { return .status("cannot decode the frames to compare") }
            return .push(SideBySideScreen(title: "frames \(marked + 1) and \(v.current + 1)",
                                          left: side("frame \(marked + 1)", a, frame: marked), right: side("frame \(v.current + 1)", b, frame: v.current)))
        case .compareLayers:
            let picture: RGBImage?
            switch file.content {
            case .image(let img): picture = img
            case .video: picture = (viewer as? VideoViewer).flatMap { $0.picture($0.current) }
            default: picture = nil
            }
            guard let picture else { return .status("comparing maps is for images and video frames") }
            var l = side(title, picture, frame: viewer.frameIndex), r = l
            l.layerIndex = l.layers.isEmpty ? -1 : 0
            // The right side starts on the first map of another analysis (ELA beside noise, not ELA's second map).
            func analysis(_ id: String) -> String { id.split(separator: "/").prefix(2).joined(separator: "/") }
            let first = l.layers.first.map { analysis($0.id) }
            r.layerIndex = r.layers.firstIndex { analysis($0.id) != first } ?? -1
            return .push(SideBySideScreen(title: "maps of \(title)", left: l, right: r))
        case .metadata:
            return .push(MetadataScreen(file: file))
        case .theme:
            let names = ["dark", "light", "high-contrast"]
            themeIndex = (themeIndex + 1) % names.count
            let t = Theme.resolve(name: names[themeIndex])
            context.mailbox.post(ThemeChange(t))
            return .status("theme \(names[themeIndex])" + (t.warnings.isEmpty ? "" : " (\(t.warnings.joined(separator: "; ")))"))
        case .structure:
            guard file.summary.media == .pdf else { return .status("the structure view is for PDFs; press m for the metadata tree") }
            return .push(PDFStructureScreen(file: file))
        case .compare:
            let dir = (file.path as NSString).deletingLastPathComponent
            return .push(PromptScreen(title: "Compare \(title) with", hint: "path of the other file", initial: dir.isEmpty ? "" : dir + "/") { [self] text in
                do { return .push(try CompareScreen(left: self, rightPath: text, context: context)) } catch {
                    return .push(MessageScreen(title: "Cannot open \((text as NSString).lastPathComponent)", message: "\(error)", severity: .critical))
                }
            })
        case .tag:
            let tags = AnnotationStore.standardTags
            let current = context.annotations.tags(file.summary.sha256).first { tags.contains($0) }
            let next = tags[((current.flatMap { tags.firstIndex(of: $0) } ?? -1) + 1) % tags.count]
            context.annotations.setStandardTag(next, for: file.summary.sha256)
            if let msg = inCase({ try $0.tag(file.path, next) }) { return .status(msg) }
            return .status(context.annotations.lastError ?? "tagged \(title): \(next)")
        case .addToCase:
            guard let link = context.caseLink else { return .status("not working in a case: start with deepscan open --case NAME") }
            do { try link.add(file.path); return .status("added \(title) to case \(link.caseName) (hashed at intake)") } catch {
                return .push(MessageScreen(title: "Cannot add to the case", message: "\(error)", severity: .warning))
            }
        case .note:
            return .push(PromptScreen(title: "Note on \(title)", hint: "saved with the file's SHA-256") { [self] text in
                guard !text.isEmpty else { return .status("empty note not saved") }
                context.annotations.addNote(text, for: file.summary.sha256)
                if let msg = inCase({ try $0.note(file.path, text) }) { return .status(msg) }
                return .status(context.annotations.lastError ?? "note saved")
            })
        case .bookmark:
            let place = [viewer.frameIndex.map { "frame \($0 + 1)" }, viewer.pageNumber.map { "page \($0)" }, branches.selectedID.map { "branch \($0)" }]
                .compactMap { $0 }.joined(separator: ", ")
            return .push(PromptScreen(title: "Bookmark \(place.isEmpty ? title : place)", hint: "a note for this bookmark") { [self] text in
                let time = (viewer as? VideoViewer).flatMap { v in file.branchResults.flatMap { $0.frameScores ?? [] }.first { $0.index == v.current }?.time }
                context.annotations.addBookmark(Bookmark(sha256: file.summary.sha256, path: file.path, frame: viewer.frameIndex, time: time,
                                                         page: viewer.pageNumber, branch: focus == .branches ? branches.selectedID : nil,
                                                         note: text, created: ISO8601DateFormatter().string(from: Date())))
                if let msg = inCase({ try $0.bookmark(file.path, frame: viewer.frameIndex, time: time, page: viewer.pageNumber,
                                                      branch: focus == .branches ? branches.selectedID : nil, note: text) }) { return .status(msg) }
                return .status(context.annotations.lastError ?? "bookmarked \(place.isEmpty ? title : place)")
            })
        case .export:
            return export()
        case .reanalyse:
            file.state = .running(stage: "starting", fraction: 0, started: Date())
            file.analysisToken = context.runner.start(file.path, options: context.engineOptions)
            return .status("analysing again")
        case .details:
            if focus == .branches, let id = branches.selectedID, let r = file.branchResults.first(where: { $0.id == id }) {
                return .push(MessageScreen(title: "Branch \(id)", message: Self.describe(r), severity: .info))
            }
            if focus == .findings, let i = findings.list.selectedIndex, i < findings.findings.count {
                let f = findings.findings[i]
                return .push(MessageScreen(title: "\(f.source): \(f.code)", message: f.message + (f.location.map { "\n\nwhere: \($0)" } ?? ""), severity: f.severity))
            }
            return nil
        default:
            return nil
        }
    }

    /// One side of a comparison: the picture, the maps that belong to it (frame maps for a video
    /// frame), and the branch scores (frame scores for a frame, file scores otherwise).
    func side(_ label: String, _ image: RGBImage, frame: Int?) -> SidePicture {
        let maps = file.maps
        let ids: [String]
        var scores: [String: Double] = [:]
        if let frame {
            ids = maps.keys.filter { $0.hasSuffix("@frame\(frame)") }.sorted()
            for r in file.branchResults { if let s = r.frameScores?.first(where: { $0.index == frame })?.score { scores[r.id] = s } }
        } else {
            ids = layerIDs().filter { !$0.contains("@") }
            for r in file.branchResults { if let s = r.score { scores[r.id] = s } }
        }
        return SidePicture(label: label, image: image, layers: ids.compactMap { id in maps[id].map { (id, $0) } }, scores: scores)
    }

    /// Everything a branch said, as text.
    static func describe(_ r: BranchResult) -> String {
        var s = "status: \(r.status.rawValue)"
        if let score = r.score { s += String(format: "\nscore: %.3f   weight in fusion: %.2f", score, r.weight) }
        if let reason = r.reason { s += "\nreason: \(reason)" }
        if let m = r.model { s += "\nmodel: \(m.name) \(m.version) (\(m.sha256.prefix(12))…)" }
        s += String(format: "\ntime: %.0f ms", r.durationMs)
        if !r.measurements.isEmpty {
            s += "\n\nmeasurements:"
            for (k, v) in r.measurements.sorted(by: { $0.key < $1.key }) { s += String(format: "\n  %@: %.4g", k, v) }
        }
        if !r.findings.isEmpty {
            s += "\n\nfindings:"
            for f in r.findings { s += "\n  [\(f.severity.rawValue)] \(f.message)" }
        }
        if !r.maps.isEmpty {
            let shown = r.maps.prefix(6).map(\.id).joined(separator: ", ")
            s += "\n\nmaps (\(r.maps.count)): \(shown)\(r.maps.count > 6 ? ", …" : "") (press v on the picture)"
        }
        return s
    }

    /// Runs `body` on the case when this file is case evidence; returns the status to show, or nil
    /// when there is no case or the file is not in it (the JSON annotations then stand alone).
    func inCase(_ body: (CaseLink) throws -> Void) -> String? {
        guard let link = context.caseLink, link.evidencePaths().contains(file.path) else { return nil }
        do { try body(link); return "saved to case \(link.caseName)" } catch { return "case \(link.caseName): \(error)" }
    }

    /// Writes `<name>.deepscan.json`: the report plus the analyst's tags, notes and bookmarks. In a
    /// case, asks where to write the case report instead; the path's extension picks the format.
    func export() -> ScreenResult {
        if let link = context.caseLink {
            return .push(PromptScreen(title: "Export the report of case \(link.caseName) to", hint: "the extension picks the format: .html .md .json .pdf",
                                      initial: link.defaultReportPath(in: context.exportDirectory)) { text in
                let path = (text.trimmingCharacters(in: .whitespaces) as NSString).expandingTildeInPath
                guard !path.isEmpty else { return .status("no path given; nothing exported") }
                let url = URL(fileURLWithPath: path)
                do {
                    let format = try link.exportReport(to: url)
                    return .status("exported the \(format.rawValue) case report to \(url.path)")
                } catch {
                    return .push(MessageScreen(title: "Export failed", message: "\(error)", severity: .warning))
                }
            })
        }
        guard let a = file.analysis else { return .status("the analysis has not finished yet; export when it has") }
        struct Export: Encodable {
            let report: Report
            let tags: [String]
            let notes: [String]
            let bookmarks: [Bookmark]
        }
        let sha = file.summary.sha256
        let out = URL(fileURLWithPath: context.exportDirectory).appendingPathComponent(title + ".deepscan.json")
        do {
            let enc = JSONEncoder(); enc.outputFormatting = [.prettyPrinted, .sortedKeys]
            try enc.encode(Export(report: a.report, tags: context.annotations.tags(sha), notes: context.annotations.notes(sha),
                                  bookmarks: context.annotations.bookmarks(sha))).write(to: out, options: .atomic)
            return .status("exported \(out.path)")
        } catch {
            return .push(MessageScreen(title: "Export failed", message: "could not write \(out.path): \(error.localizedDescription)", severity: .warning))
        }
    }
}
