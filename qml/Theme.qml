pragma Singleton
import QtQuick
import StudyConnect.Desktop

// Colours and sizes derived from the system palette, so that the Fusion style and our own
// surfaces agree in light and dark mode. Qt 6.4 has no colour-scheme API: dark is a dark window.
QtObject {
    id: theme

    readonly property SystemPalette palette: SystemPalette { colorGroup: SystemPalette.Active }
    readonly property SystemPalette disabledPalette: SystemPalette { colorGroup: SystemPalette.Disabled }
    readonly property bool dark: palette.window.hslLightness < 0.5

    readonly property color window: palette.window
    readonly property color base: palette.base
    readonly property color text: palette.windowText
    readonly property color mutedText: Qt.rgba(text.r, text.g, text.b, 0.62)
    readonly property color faintText: Qt.rgba(text.r, text.g, text.b, 0.5)
    readonly property color accent: palette.highlight
    readonly property color accentText: palette.highlightedText
    readonly property color sidebar: dark ? Qt.lighter(window, 1.15) : Qt.darker(window, 1.035)
    readonly property color separator: Qt.rgba(text.r, text.g, text.b, 0.12)
    readonly property color hover: Qt.rgba(text.r, text.g, text.b, 0.06)
    readonly property color selected: Qt.rgba(accent.r, accent.g, accent.b, dark ? 0.35 : 0.18)
    readonly property color link: dark ? "#8ab4f8" : "#1a56c4"
    readonly property color danger: dark ? "#ff8a80" : "#c62828"
    readonly property color warningBackground: dark ? "#4a3b0c" : "#fff4cf"
    readonly property color warningText: dark ? "#ffe08a" : "#5c4300"
    readonly property color errorBackground: dark ? "#4a1c1c" : "#fde7e7"
    /// A message that mentions the user: a faint tint and a mark on its left edge.
    readonly property color mentionBackground: dark ? "#3a3217" : "#fff8e1"
    readonly property color mentionMark: dark ? "#e0b84a" : "#d49b00"
    readonly property color mentionMarkText: "#1a1a1a"
    /// The unread badge of a muted conversation: present but not calling for attention.
    readonly property color mutedBadge: dark ? "#5f6368" : "#80868b"
    /// Resolved threads.
    readonly property color success: dark ? "#7bd88f" : "#1b7a3d"
    readonly property color online: "#2e9e5b"
    readonly property color offline: Qt.rgba(text.r, text.g, text.b, 0.35)
    readonly property color focusRing: accent
    /// Rich messages (RichMessageBody): code blocks on a faint panel, inline code and formulas in
    /// their own colours, a bar left of quotes.
    readonly property color codeBackground: Qt.rgba(text.r, text.g, text.b, dark ? 0.08 : 0.04)
    readonly property color inlineCode: dark ? "#f2a27c" : "#a3401a"
    /// A formula's TeX source until the math renderer draws it: muted, monospace.
    readonly property color mathSource: mutedText
    readonly property color quoteBar: Qt.rgba(text.r, text.g, text.b, 0.28)
    /// Syntax colours in code blocks (CodeColours; highlight.js's scopes in six kinds), after
    /// Atom's One Light and One Dark, checked against codeBackground in tst_theme.
    readonly property color codeKeyword: dark ? "#c678dd" : "#a626a4"
    readonly property color codeString: dark ? "#98c379" : "#3f7e3e"
    readonly property color codeComment: dark ? "#9aa0a6" : "#6a737d"
    readonly property color codeNumber: dark ? "#d19a66" : "#986801"
    readonly property color codeTitle: dark ? "#61afef" : "#2f5fc4"
    readonly property color codeType: dark ? "#e5c07b" : "#8a5a00"
    /// Code and formulas: the system's fixed-pitch family.
    readonly property string monospaceFamily: TextTools.fixedFontFamily

    /// The locale's short time format without seconds.
    readonly property string timeFormat: Qt.locale().timeFormat(Locale.ShortFormat).replace(/[:.]ss/, "").replace(/ t$/, "")

    readonly property int spacing: 8
    readonly property int radius: 6
    readonly property int avatarSize: 36
    readonly property int sidebarWidth: 264
    readonly property real smallFont: Qt.application.font.pixelSize * 0.86
    readonly property real titleFont: Qt.application.font.pixelSize * 1.25
}
