import QtQuick
import QtTest
import StudyConnect
import StudyConnect.Chat

// Rich messages: each Markdown element drawn as the expected item (bold in a StyledText, a code
// block monospace, unwrapped, scrolling sideways, copying its exact source), no link for a
// javascript: target, quote bars, list indentation by depth, formulas as their TeX source; a
// plain message keeps the plain path; the composer's preview.
// TestCase itself is invisible: the components under test go into this visible root.
Item {
    id: root
    width: 640
    height: 480

    TestCase {
        id: testCase
        name: "RichMessage"
        when: windowShown

        Component {
            id: bodyComponent
            RichMessageBody { width: 400 }
        }
        Component {
            id: delegateComponent
            MessageDelegate { width: 600 }
        }
        Component {
            id: composerComponent
            Composer { width: 600 }
        }
        // Reads the clipboard back.
        Component {
            id: pasteTarget
            TextEdit { textFormat: TextEdit.PlainText }
        }

        function body(text) {
            const item = createTemporaryObject(bodyComponent, root, { text: text })
            verify(item, "body created")
            return item
        }
        /// Every descendant named `name`, in order.
        function all(item, name) {
            let found = []
            const walk = (object) => {
                if (object.objectName === name)
                    found.push(object)
                const children = object.children || []
                for (let i = 0; i < children.length; ++i)
                    walk(children[i])
            }
            walk(item)
            return found
        }
        function xIn(item, ancestor) { return item.mapToItem(ancestor, 0, 0).x }

        function test_bold_is_styled_text() {
            const b = body("Some **bold** and *italic* text")
            const texts = all(b, "richText")
            compare(texts.length, 1)
            compare(texts[0].textFormat, Text.StyledText)
            verify(texts[0].text.indexOf("<b>bold</b>") >= 0, texts[0].text)
            verify(texts[0].text.indexOf("<i>italic</i>") >= 0, texts[0].text)
            verify(Qt.colorEqual(texts[0].linkColor, Theme.link))
        }

        function test_heading_is_bold_and_larger() {
            const b = body("# Title\n\nbody text")
            const texts = all(b, "richText")
            compare(texts.length, 2)
            verify(texts[0].font.bold)
            verify(!texts[1].font.bold)
            verify(texts[0].font.pixelSize > texts[1].font.pixelSize)
            verify(texts[0].font.pixelSize < texts[1].font.pixelSize * 1.5, "modestly larger")
        }

        function test_code_block_monospace_unwrapped_scrolls() {
            const longLine = "x = [" + "1, ".repeat(80) + "1]"
            const b = body("```python\n" + longLine + "\nprint(x)\n```")
            const code = findChild(b, "codeBlock")
            verify(code, "a code block")
            const text = findChild(code, "codeText")
            compare(text.textFormat, Text.PlainText)
            compare(text.wrapMode, Text.NoWrap)
            compare(text.font.family, Theme.monospaceFamily)
            verify(text.font.family !== "", "a fixed-pitch family")
            compare(text.lineCount, 2, "one line per source line: no wrapping")
            verify(text.tabStopDistance > 0 && text.tabStopDistance < 60, "tabs every four columns")
            compare(findChild(code, "codeLanguage").text, "python")
            const flick = findChild(code, "codeFlickable")
            verify(flick.contentWidth > flick.width, "the long line is wider than the block")
            verify(code.width <= b.width)
            verify(findChild(code, "codeScrollBar").visible)
            // The keyboard reaches it and scrolls it.
            verify(flick.activeFocusOnTab)
            flick.forceActiveFocus()
            compare(flick.contentX, 0)
            keyClick(Qt.Key_Right)
            verify(flick.contentX > 0)
            keyClick(Qt.Key_End)
            compare(flick.contentX, flick.contentWidth - flick.width)
            keyClick(Qt.Key_Home)
            compare(flick.contentX, 0)
        }

        Component {
            id: timelineComponent
            Flickable {
                width: 400
                height: 200
                contentHeight: column.height
                property alias body: column
                RichMessageBody {
                    id: column
                    width: 400
                    text: "```\n" + "long line ".repeat(60) + "\n```\n\n" + "para\n\n".repeat(30)
                }
            }
        }

        function test_vertical_wheel_over_code_scrolls_the_timeline() {
            const timeline = createTemporaryObject(timelineComponent, root)
            const code = findChild(timeline, "codeFlickable")
            verify(code.contentWidth > code.width)
            compare(timeline.contentY, 0)
            mouseWheel(code, code.width / 2, code.height / 2, 0, -120)
            tryVerify(() => timeline.contentY > 0, 2000, "the wheel reached the timeline")
            compare(code.contentX, 0)
        }

        function test_copy_copies_exact_source_with_tabs() {
            const source = "int main()\n{\n\treturn 0;\t// done\n}"
            const b = body("```cpp\n" + source + "\n```")
            const button = findChild(b, "copyCodeButton")
            verify(button)
            mouseClick(button)
            compare(button.text, "Copied")
            const edit = createTemporaryObject(pasteTarget, root)
            edit.paste()
            compare(edit.text, source)
        }

        function test_javascript_link_is_no_link() {
            const b = body("[x](javascript:alert(1)) and [y](https://example.org/)")
            const text = findChild(b, "richText")
            verify(text.text.indexOf("javascript") < 0, text.text)
            verify(text.text.indexOf("<a href=\"https://example.org/\">y</a>") >= 0, text.text)
            compare(text.text.split("<a ").length, 2, "one link only")
        }

        function test_quote_has_its_bar() {
            const b = body("> quoted words\n\nafter")
            const bars = all(b, "quoteBar")
            compare(bars.length, 1)
            verify(bars[0].visible && bars[0].width > 0 && bars[0].height > 0)
            verify(Qt.colorEqual(bars[0].color, Theme.quoteBar))
            const texts = all(b, "richText")
            compare(texts.length, 2)
            verify(xIn(texts[0], b) > xIn(bars[0], b) + bars[0].width, "the text right of its bar")
            compare(xIn(texts[1], b), 0)
            compare(all(body("> > twice").children[0], "quoteBar").length, 2)
        }

        function test_list_items_indented_by_depth() {
            const b = body("- one\n  - two\n    - three\n- four")
            const texts = all(b, "richText")
            compare(texts.length, 4)
            const x = texts.map(t => xIn(t, b))
            verify(x[0] > 0)
            verify(x[1] > x[0])
            verify(x[2] > x[1])
            compare(x[3], x[0])
            const markers = all(b, "listMarker")
            compare(markers[0].text, "•")
            verify(markers[0].visible)
            verify(xIn(markers[0], b) < x[0], "the marker left of its text")
            compare(all(body("3. three\n4. four"), "listMarker")[1].text, "4.")
        }

        function test_rule_and_math_sources() {
            const b = body("before\n\n---\n\n$$\\int_0^\\pi \\sin x\\,dx = 2$$\n\ninline $x^2$ here")
            verify(findChild(b, "ruleLine"))
            const math = findChild(b, "mathView")
            verify(math, "a display formula")
            compare(math.Accessible.name, "\\int_0^\\pi \\sin x\\,dx = 2")
            const formula = findChild(math, "mathFormula")
            if (math.state === MathText.Drawing) {
                // Until the engine (off the GUI thread) has drawn it: the source, muted, monospace.
                compare(formula.text, "\\int_0^\\pi \\sin x\\,dx = 2")
                compare(formula.textFormat, Text.PlainText)
                compare(formula.font.family, Theme.monospaceFamily)
                compare(String(formula.color), String(Theme.mathSource))
            }
            const texts = all(b, "richText")
            const inline = texts[texts.length - 1]
            verify(inline.text.indexOf("$x^2$") >= 0 || inline.text.indexOf("image://math/") >= 0,
                   "inline formula shown as its source until drawn")
            // Then pictures: the display formula and the inline one.
            tryCompare(math, "state", MathText.Drawn, 15000)
            compare(formula.textFormat, Text.StyledText)
            verify(/^<img src="image:\/\/math\/[0-9a-f]+" width="\d+" height="\d+" align="middle">$/.test(formula.text), formula.text)
            verify(formula.implicitHeight > 20, "a display integral is taller than a line")
            tryVerify(() => inline.text.indexOf("<img src=\"image://math/") >= 0, 15000, inline.text)
            verify(inline.text.indexOf("$x^2$") < 0)
            compare(inline.Accessible.name, "inline $x^2$ here")
        }

        function test_bad_tex_keeps_its_source() {
            const b = body("$$\\frac{1}{$$")
            const math = findChild(b, "mathView")
            tryCompare(math, "state", MathText.SomeFailed, 15000)
            const formula = findChild(math, "mathFormula")
            compare(formula.text, "⚠ \\frac{1}{")
            compare(formula.textFormat, Text.PlainText)
            compare(String(formula.color), String(Theme.danger))
            compare(math.Accessible.name, "\\frac{1}{")
        }

        function test_no_image_no_html() {
            const b = body("![alt text](http://127.0.0.1:9/x.png) <img src=\"http://127.0.0.1:9/y.png\">")
            const text = findChild(b, "richText")
            verify(text.text.indexOf("<img") < 0, text.text)
            verify(text.text.indexOf("&lt;img") >= 0, text.text)
        }

        function delegate(text) {
            return createTemporaryObject(delegateComponent, root, {
                model: { id: "81" }, index: 0, clientId: "c-1", senderName: "Ada Lovelace", senderAvatar: "",
                text: text, createdAt: new Date(2024, 0, 2, 14, 5), isMine: false,
                deliveryState: MessageListModel.Sent, showSender: true, showDate: false,
                kind: MessageListModel.Message, errorString: "", showReadMarker: false
            })
        }

        function test_plain_message_takes_the_plain_path() {
            const plain = delegate("Hello there, see https://example.org/a_b")
            verify(plain)
            verify(findChild(plain, "messageText").visible)
            compare(findChild(plain, "messageText").text, "Hello there, see https://example.org/a_b")
            verify(!findChild(plain, "richBodyLoader").active)
            compare(findChild(plain, "richBody"), null)

            const rich = delegate("Use **this**:\n```\ncode\n```")
            verify(!findChild(rich, "messageText").visible)
            verify(findChild(rich, "richBody"))
            verify(findChild(rich, "codeBlock"))
            // The accessible name keeps the source text.
            verify(rich.Accessible.name.indexOf("Use **this**:") >= 0, rich.Accessible.name)
        }

        function test_composer_preview() {
            const c = createTemporaryObject(composerComponent, root)
            const input = findChild(c, "composerInput")
            input.forceActiveFocus()
            tryVerify(() => input.activeFocus)
            const heightBefore = c.implicitHeight
            verify(!findChild(c, "composerPreview").visible)
            keySequence("Ctrl+Shift+P")
            verify(c.previewing)
            verify(findChild(c, "composerPreview").visible)
            verify(findChild(c, "previewEmpty").visible)
            c.text = "**bold** draft"
            const preview = findChild(c, "previewBody")
            verify(preview, "the draft rendered")
            verify(findChild(preview, "richText").text.indexOf("<b>bold</b>") >= 0)
            verify(c.implicitHeight > heightBefore)
            compare(c.text, "**bold** draft", "the draft stays source text")
            const button = findChild(c, "previewButton")
            mouseClick(button)
            verify(!c.previewing)
            verify(!findChild(c, "composerPreview").visible)
            compare(c.implicitHeight, heightBefore)
        }
    }
}
