// MetadataConsistency on the real samples and on copies edited with exiftool the way a forger or
// an ordinary workflow would: the findings an analyst would expect appear, with plain words, and
// the score orders the files as the edits do.
import Evidence
import Foundation
import Media
import Testing
import TestSupport
@testable import Forensics

@Suite struct MetadataConsistencyTests {
    func check(_ path: String) throws -> MetadataConsistencyReport {
        MetadataConsistency.check(try MetadataFixtures.summary(path), now: MetadataFixtures.now)
    }

    @Test func gimpSpliceNamesTheEditorAndScoresAboveItsOriginal() throws {
        let modified = try check(Samples.path("ela_modified.jpg"))
        let original = try check(Samples.path("ela_original.jpg"))
        let editor = try #require(modified.finding("metadata-editor-software"))
        #expect(editor.finding.message.contains("GIMP"))
        #expect(editor.finding.source == "metadata")
        #expect(editor.weight == MetadataConsistency.Weight.editor)
        // The splice was saved by GIMP twice (XMP records the first save, EXIF the second).
        #expect(modified.measurements["saves_after_capture"] == 2)
        #expect(original.measurements["saves_after_capture"] == 1)
        #expect(modified.has("metadata-gps"))
        #expect(try #require(modified.score) > (try #require(original.score)))
    }

    @Test func bibbleIsARawDeveloperWithALowScore() throws {
        let r = try check(Samples.path("photo-exif.jpg"))
        #expect(r.codes == ["metadata-raw-developer"])
        #expect(r.finding("metadata-raw-developer")?.finding.message.contains("Bibble") == true)
        #expect(try #require(r.score) < 0.25)
        #expect(r.measurements["saves_after_capture"] == 0)
    }

    @Test func photoshopInSoftwareIsAnEditor() throws {
        let path = try MetadataFixtures.exiftool("photo-exif.jpg", ["-Software=Adobe Photoshop 25.0 (Windows)"])
        let r = try check(path)
        #expect(r.has("metadata-editor-software"))
        #expect(!r.has("metadata-raw-developer"))
        #expect(r.finding("metadata-editor-software")?.finding.message.contains("Adobe Photoshop") == true)
        #expect(try #require(r.score) > (try #require(try check(Samples.path("photo-exif.jpg")).score)))
    }

    @Test func modifyDateTwoYearsAfterCapture() throws {
        let path = try MetadataFixtures.exiftool("photo-exif.jpg", ["-ModifyDate=2007:12:26 14:58:01"])
        let r = try check(path)
        let f = try #require(r.finding("metadata-modified-after-capture"))
        #expect(f.finding.message.contains("2.0 years"))
        #expect(f.finding.message.contains("2007-12-26 14:58:01"))
        #expect(r.measurements["saves_after_capture"] == 1)
        #expect(abs((r.measurements["days_modified_after_capture"] ?? 0) - 730) < 1)
    }

    /// EXIF 2.31 offsets: the same wall-clock time in two zones is hours apart; sub-seconds are not a save.
    @Test func exifOffsetsAndSubSeconds() throws {
        let same = try MetadataFixtures.exiftool("photo-exif.jpg", ["-SubSecTimeOriginal=45", "-SubSecTime=90"])
        #expect(try check(same).measurements["saves_after_capture"] == 0)
        let zones = try MetadataFixtures.exiftool("photo-exif.jpg", ["-OffsetTimeOriginal=+02:00", "-OffsetTime=-05:00"])
        let r = try check(zones)
        #expect(r.measurements["saves_after_capture"] == 1)
        #expect(r.finding("metadata-modified-after-capture")?.finding.message.contains("7 hours") == true)
    }

    @Test func strippedJPEGIsANoticeNotNotApplicable() throws {
        let path = try MetadataFixtures.exiftool("photo-exif.jpg", ["-all="])
        let r = try check(path)
        #expect(r.notApplicable == nil)
        #expect(r.codes == ["metadata-stripped"])
        #expect(r.finding("metadata-stripped")?.finding.severity == .notice)
        #expect(try #require(r.score) < 0.2)
    }

    @Test func changedPixelDimensionIsASizeMismatch() throws {
        let path = try MetadataFixtures.exiftool("photo-exif.jpg", ["-ExifIFD:ExifImageWidth=1600"])
        let r = try check(path)
        let f = try #require(r.finding("metadata-size-mismatch"))
        #expect(f.finding.message.contains("800×532"))
        #expect(f.finding.message.contains("1600×532"))
    }

    /// jpegtran updates EXIF PixelXDimension when it crops, but keeps the old thumbnail.
    @Test func croppedWithOldThumbnail() throws {
        let dir = try MetadataFixtures.scratch()
        let out = dir.appendingPathComponent("cropped.jpg").path
        try MetadataFixtures.run("jpegtran", ["-copy", "all", "-crop", "400x400+0+0", "-outfile", out, Samples.path("photo-exif.jpg")])
        let r = try check(out)
        #expect(r.has("metadata-thumbnail-mismatch"))
        #expect(!r.has("metadata-size-mismatch"))
        #expect(r.finding("metadata-thumbnail-mismatch")?.finding.message.contains("160×106") == true)
    }

    @Test func futureCaptureDateIsImplausible() throws {
        let path = try MetadataFixtures.exiftool("photo-exif.jpg", ["-DateTimeOriginal=2031:01:01 00:00:00"])
        let r = try check(path)
        #expect(r.has("metadata-implausible-date"))
        // IPTC DateCreated still says 2005-12-26.
        #expect(r.finding("metadata-capture-dates-disagree")?.finding.message.contains("IPTC DateCreated") == true)
        #expect(r.finding("metadata-implausible-date")?.finding.location == "EXIF DateTimeOriginal")
    }

    @Test func aiSourceTypeAndPhotoshopHistory() throws {
        let path = try MetadataFixtures.exiftool("photo-exif.jpg", [
            "-XMP-xmpMM:HistoryAction=saved", "-XMP-xmpMM:HistoryWhen=2006:01:03 10:00:00+01:00",
            "-XMP-xmpMM:HistorySoftwareAgent=Adobe Photoshop 24.1 (Macintosh)",
            "-XMP-iptcExt:DigitalSourceType=http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia",
        ])
        let r = try check(path)
        #expect(r.codes.first == "metadata-generator")
        #expect(r.finding("metadata-editor-software")?.finding.message.contains("XMP editing history") == true)
        #expect(try #require(r.score) > 0.9)
    }

    @Test func stableDiffusionParametersInUserComment() throws {
        let path = try MetadataFixtures.exiftool("photo-exif.jpg", ["-all=", "-UserComment=a cat, Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1"])
        let r = try check(path)
        #expect(r.finding("metadata-generator")?.finding.message.contains("Stable Diffusion") == true)
        #expect(r.has("metadata-no-camera"))
    }

    @Test func pdfIsReadForProducerAndDates() throws {
        let r = try check(Samples.path("ltnews18.pdf"))
        #expect(r.notApplicable == nil)
        #expect(!r.has("metadata-editor-software"))   // pdfTeX is not an editor
    }

    @Test func tagFreeWAVIsNotApplicable() throws {
        let r = try check(Samples.path("speech-8k.wav"))
        #expect(r.notApplicable?.contains("no container or stream tags") == true)
        #expect(r.score == nil)
    }

    @Test func noisyORIsDocumentedFormula() {
        #expect(abs(MetadataConsistency.noisyOR([]) - 0.05) < 1e-12)
        #expect(abs(MetadataConsistency.noisyOR([0.5, 0.5]) - (1 - 0.95 * 0.25)) < 1e-12)
        #expect(MetadataConsistency.noisyOR([1.5]) == 1)
    }
}
