// The table of software that leaves its name in metadata, as data: one row per tool with its
// category (ToolCategory) and the fragments that identify it. The metadata checks and the pdf
// branch read this one list; add a row here, not a special case in code.
//
// Order matters: the first matching row wins, so specific names come before general ones
// (generators before everything, "Photoshop Lightroom" before "Photoshop"). Rows marked
// `anywhere` are also looked for in free text (descriptions, comments, IPTC, XMP fields), since
// generators write their name or their prompt parameters there rather than in Software.

/// The software table.
public enum SoftwareCatalog {
    /// Every known tool, most specific first.
    public static let tools: [KnownTool] = generators + rawDevelopers + editors + reencoders

    /// Generators, deepfake tools and the IPTC digital-source-type codes for AI media. Any of
    /// these is also searched for in free text.
    public static let generators: [KnownTool] = [
        KnownTool("Stable Diffusion", .generator, ["stable diffusion", "stablediffusion", "sdxl", "automatic1111", "comfyui",
                                                   "invokeai", "fooocus", "novelai", "negative prompt:", "cfg scale:"]),
        KnownTool("Midjourney", .generator, ["midjourney"]),
        KnownTool("DALL·E", .generator, ["dall-e", "dall·e", "dalle"]),
        KnownTool("ChatGPT image generation", .generator, ["chatgpt", "gpt-4o"]),
        KnownTool("Adobe Firefly", .generator, ["firefly"]),
        KnownTool("Google Imagen", .generator, ["imagen ", "imagen/", "^imagen"]),
        KnownTool("Leonardo.Ai", .generator, ["leonardo.ai"]),
        KnownTool("Ideogram", .generator, ["ideogram"]),
        KnownTool("Bing Image Creator", .generator, ["bing image creator"]),
        KnownTool("Craiyon", .generator, ["craiyon"]),
        KnownTool("Runway", .generator, ["runwayml", "runway gen"]),
        KnownTool("DeepFaceLab", .generator, ["deepfacelab"]),
        KnownTool("faceswap", .generator, ["faceswap", "facefusion", "deepfacelive"]),
        KnownTool("IPTC digital source: trained algorithmic media", .generator,
                  ["trainedalgorithmicmedia", "compositewithtrainedalgorithmicmedia"]),
    ]

    /// Raw developers and photo managers: processing, not manipulation.
    public static let rawDevelopers: [KnownTool] = [
        KnownTool("Adobe Lightroom", .rawDeveloper, ["lightroom"]),
        KnownTool("Adobe Camera Raw", .rawDeveloper, ["camera raw"]),
        KnownTool("Bibble", .rawDeveloper, ["bibble"]),
        KnownTool("Capture One", .rawDeveloper, ["capture one", "captureone"]),
        KnownTool("darktable", .rawDeveloper, ["darktable"]),
        KnownTool("RawTherapee", .rawDeveloper, ["rawtherapee"]),
        KnownTool("DxO", .rawDeveloper, ["dxo"]),
        KnownTool("digiKam", .rawDeveloper, ["digikam"]),
        KnownTool("Picasa", .rawDeveloper, ["picasa"]),
        KnownTool("Apple Aperture", .rawDeveloper, ["^aperture"]),
        KnownTool("Canon Digital Photo Professional", .rawDeveloper, ["digital photo professional"]),
        KnownTool("Nikon Capture / NX Studio", .rawDeveloper, ["capture nx", "nx studio", "viewnx"]),
        KnownTool("SILKYPIX", .rawDeveloper, ["silkypix"]),
        KnownTool("ON1 Photo RAW", .rawDeveloper, ["on1 photo"]),
        KnownTool("ACDSee", .rawDeveloper, ["acdsee"]),
        KnownTool("Shotwell", .rawDeveloper, ["shotwell"]),
        KnownTool("Photo Mechanic", .rawDeveloper, ["photo mechanic"]),
        KnownTool("VSCO", .rawDeveloper, ["vsco"]),
    ]

    /// Pixel and video editors.
    public static let editors: [KnownTool] = [
        KnownTool("Adobe Photoshop", .editor, ["photoshop"], excluding: ["lightroom", "camera raw"]),
        KnownTool("GIMP", .editor, ["gimp"]),
        KnownTool("Affinity Photo", .editor, ["affinity photo", "affinity"]),
        KnownTool("Pixelmator", .editor, ["pixelmator"]),
        KnownTool("Paint.NET", .editor, ["paint.net"]),
        KnownTool("Photopea", .editor, ["photopea"]),
        KnownTool("Snapseed", .editor, ["snapseed"]),
        KnownTool("Facetune", .editor, ["facetune"]),
        KnownTool("FaceApp", .editor, ["faceapp"]),
        KnownTool("Meitu", .editor, ["meitu"]),
        KnownTool("Canva", .editor, ["canva"]),
        KnownTool("PicsArt", .editor, ["picsart"]),
        KnownTool("Krita", .editor, ["krita"]),
        KnownTool("Corel PaintShop Pro", .editor, ["paintshop", "paint shop pro", "photo-paint"]),
        KnownTool("Luminar", .editor, ["luminar"]),
        KnownTool("Pixlr", .editor, ["pixlr"]),
        KnownTool("Fotor", .editor, ["fotor"]),
        KnownTool("PhotoScape", .editor, ["photoscape"]),
        KnownTool("PhotoDirector", .editor, ["photodirector"]),
        KnownTool("Polarr", .editor, ["polarr"]),
        KnownTool("Remini", .editor, ["remini"]),
        KnownTool("YouCam", .editor, ["youcam"]),
        KnownTool("BeautyPlus", .editor, ["beautyplus", "airbrush"]),
        KnownTool("Adobe Express", .editor, ["adobe express"]),
        KnownTool("Adobe Illustrator", .editor, ["illustrator"]),
        KnownTool("Adobe Premiere", .editor, ["premiere"]),
        KnownTool("Adobe After Effects", .editor, ["after effects"]),
        KnownTool("DaVinci Resolve", .editor, ["davinci", "resolve"]),
        KnownTool("Final Cut Pro", .editor, ["final cut"]),
        KnownTool("iMovie", .editor, ["imovie"]),
        KnownTool("CapCut", .editor, ["capcut"]),
        KnownTool("InShot", .editor, ["inshot"]),
        KnownTool("Kdenlive", .editor, ["kdenlive"]),
        KnownTool("Shotcut", .editor, ["shotcut"]),
        KnownTool("OpenShot", .editor, ["openshot"]),
        KnownTool("Filmora", .editor, ["filmora"]),
        KnownTool("VEGAS Pro", .editor, ["vegas pro"]),
    ]

    /// Encoders, converters, libraries and messengers that re-compress what they pass on.
    public static let reencoders: [KnownTool] = [
        KnownTool("FFmpeg (libavformat/libavcodec)", .reencoder, ["^lavf", "^lavc", "ffmpeg", " lavc", " lavf",
                                                                   "^videohandler", "^soundhandler", "^subtitlehandler"]),
        KnownTool("HandBrake", .reencoder, ["handbrake"]),
        KnownTool("Adobe Media Encoder", .reencoder, ["media encoder"]),
        KnownTool("MEncoder", .reencoder, ["mencoder"]),
        KnownTool("ImageMagick", .reencoder, ["imagemagick"]),
        KnownTool("GraphicsMagick", .reencoder, ["graphicsmagick"]),
        KnownTool("libvips", .reencoder, ["libvips", "^vips"]),
        KnownTool("OpenCV", .reencoder, ["opencv"]),
        KnownTool("XnView", .reencoder, ["xnview"]),
        KnownTool("IrfanView", .reencoder, ["irfanview"]),
        KnownTool("Windows Photo Viewer", .reencoder, ["windows photo"]),
        KnownTool("Telegram", .reencoder, ["telegram"]),
        KnownTool("WhatsApp", .reencoder, ["whatsapp"]),
        KnownTool("Instagram", .reencoder, ["instagram"]),
        KnownTool("Facebook", .reencoder, ["^fbmd"]),
    ]

    /// Rows searched for in free text as well as in software fields.
    public static func searchedAnywhere(_ tool: KnownTool) -> Bool { tool.category == .generator || tool.name == "Facebook" }

    /// The first tool that `value` names, if any.
    public static func identify(_ value: String) -> KnownTool? { tools.first { $0.matches(value) } }
}
