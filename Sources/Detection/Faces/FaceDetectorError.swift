// Errors of the dlib bridge as Swift sees them: the return codes of cdlib.h with dlib's text.

/// What went wrong in `FaceDetector`.
public struct FaceDetectorError: Error, CustomStringConvertible, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The shape predictor file is missing or unreadable (`CDLIB_ERR_MISSING_MODEL`).
        case missingModel
        /// dlib threw (`CDLIB_ERR_DLIB`), or ran out of memory.
        case dlib
        /// A bad argument reached the bridge (`CDLIB_ERR_ARGUMENT`).
        case argument
    }
    public let kind: Kind
    public let message: String

    public var description: String {
        switch kind {
        case .missingModel:
            return "\(message); install Debian's libdlib-data (Scripts/setup) or pass the path of shape_predictor_68_face_landmarks.dat"
        case .dlib: return "dlib: \(message)"
        case .argument: return "face detector: \(message)"
        }
    }
}
