import QtQuick
import QtQuick.Controls
import QtTest
import StudyConnect
import StudyConnect.Desktop

// Light and Dark from Settings: the palette changes while the app runs, Theme follows, and every
// pair of colours the views draw text with stays readable (WCAG contrast: 4.5:1 for text, 3:1
// for large or secondary text and control borders).
Item {
    id: root
    width: 400
    height: 200

    Column {
        id: controls
        Button { id: button; text: "Leave" }
        TextField { id: field; placeholderText: "Jump to…" }
    }

    TestCase {
        name: "Theme"
        when: windowShown

        function cleanup() { Appearance.scheme = Appearance.System }

        function luminance(c) {
            const channel = v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4)
            return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)
        }
        // A translucent foreground as it shows on its background.
        function over(fg, bg) {
            return Qt.rgba(fg.r * fg.a + bg.r * (1 - fg.a), fg.g * fg.a + bg.g * (1 - fg.a),
                           fg.b * fg.a + bg.b * (1 - fg.a), 1)
        }
        function contrast(fg, bg) {
            const a = luminance(over(fg, bg)), b = luminance(bg)
            return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)
        }
        function readable(name, fg, bg, minimum) {
            const ratio = contrast(fg, bg)
            verify(ratio >= minimum, name + ": contrast " + ratio.toFixed(2) + " < " + minimum)
        }

        function checkReadable() {
            readable("text on window", Theme.text, Theme.window, 7)
            readable("text on sidebar", Theme.text, Theme.sidebar, 7)
            readable("text on base", Theme.text, Theme.base, 7)
            readable("muted text on window", Theme.mutedText, Theme.window, 4.5)
            readable("muted text on sidebar", Theme.mutedText, Theme.sidebar, 4.5)
            readable("faint text on base", Theme.faintText, Theme.base, 3)
            readable("link on base", Theme.link, Theme.base, 4.5)
            readable("danger on window", Theme.danger, Theme.window, 4.5)
            readable("danger on error background", Theme.danger, Theme.errorBackground, 4.5)
            readable("warning", Theme.warningText, Theme.warningBackground, 4.5)
            readable("selected row", Theme.text, over(Theme.selected, Theme.sidebar), 4.5)
            readable("mention row", Theme.text, Theme.mentionBackground, 7)
            readable("accent text", Theme.accentText, Theme.accent, 3)
            readable("success", Theme.success, Theme.base, 4.5)
            // Rich messages on the timeline (window) and the preview (base).
            readable("inline code on window", Theme.inlineCode, Theme.window, 4.5)
            readable("inline code on base", Theme.inlineCode, Theme.base, 4.5)
            readable("formula source on window", Theme.mathSource, Theme.window, 4.5)
            readable("link on window", Theme.link, Theme.window, 4.5)
            readable("code on its panel", Theme.text, over(Theme.codeBackground, Theme.window), 7)
            readable("muted on the code panel", Theme.mutedText, over(Theme.codeBackground, Theme.window), 4.5)
            readable("quote bar on window", Theme.quoteBar, Theme.window, 1.5)
            // The Fusion controls draw with the same palette.
            readable("button text", button.palette.buttonText, button.palette.button, 7)
            readable("field text", field.palette.text, field.palette.base, 7)
            readable("placeholder", field.palette.placeholderText, field.palette.base, 3)
        }

        function test_dark() {
            Appearance.scheme = Appearance.Dark
            tryCompare(Theme, "dark", true)
            tryVerify(() => luminance(button.palette.button) < 0.1, 1000, "the button turned dark too")
            tryVerify(() => luminance(field.palette.base) < 0.1, 1000, "the field turned dark too")
            checkReadable()
        }

        function test_light() {
            Appearance.scheme = Appearance.Light
            tryCompare(Theme, "dark", false)
            tryVerify(() => luminance(field.palette.base) > 0.8, 1000, "the field turned light")
            checkReadable()
        }

        function test_switch_back_and_forth() {
            Appearance.scheme = Appearance.Dark
            tryCompare(Theme, "dark", true)
            Appearance.scheme = Appearance.Light
            tryCompare(Theme, "dark", false)
            Appearance.scheme = Appearance.Dark
            tryCompare(Theme, "dark", true)
            compare(Appearance.scheme, Appearance.Dark)
        }
    }
}
