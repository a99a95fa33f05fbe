import QtQuick
import QtTest
import StudyConnect

// Untrusted text renders as plain text: markup shows literally and loads nothing; only http(s)
// links are links.
// TestCase itself is invisible: the components under test go into this visible root.
Item {
    id: root
    width: 640
    height: 480

    TestCase {
        id: testCase
        name: "PlainText"
        when: windowShown

        // No Markdown in it: the plain path (MessageText). With Markdown, see below.
        readonly property string hostile: "<b>bold</b> <img src=\"http://127.0.0.1:9/pixel.png\"> <a href=\"javascript:alert(1)\">x</a> &amp; <style>p{color:red}</style>"

        Component {
            id: delegateComponent
            MessageDelegate { width: 600 }
        }
        Component {
            id: textComponent
            MessageText { width: 500 }
        }

        function test_message_text_is_literal() {
            const d = createTemporaryObject(delegateComponent, root, {
                index: 0, clientId: "", senderName: "<i>Mallory</i>", senderAvatar: "", text: hostile,
                createdAt: new Date(), isMine: false, deliveryState: 1, showSender: true, showDate: false,
                kind: 0, errorString: "", showReadMarker: false,
                model: { id: "1", replyToId: "0", replyToSenderName: "<b>Eve</b>", replyToText: hostile }
            })
            // The quote of a reply is plain text too.
            compare(findChild(d, "replyQuoteSender").textFormat, Text.PlainText)
            compare(findChild(d, "replyQuoteText").textFormat, Text.PlainText)
            compare(findChild(d, "replyQuoteText").text, hostile)
            const body = findChild(d, "messageText")
            compare(body.textFormat, TextEdit.PlainText)
            // Rich text would drop the tags and turn <img> into one object character.
            compare(body.length, hostile.length)
            compare(body.getText(0, body.length), hostile)
            const name = findChild(d, "senderName")
            compare(name.textFormat, Text.PlainText)
            compare(name.text, "<i>Mallory</i>")
        }

        function test_markup_in_markdown_is_escaped() {
            // A "*" makes it Markdown: RichMessageBody draws it, every tag escaped (StyledText
            // would otherwise load the <img>).
            const text = hostile + " **really**"
            const d = createTemporaryObject(delegateComponent, root, {
                index: 0, clientId: "", senderName: "Mallory", senderAvatar: "", text: text,
                createdAt: new Date(), isMine: false, deliveryState: 1, showSender: true, showDate: false,
                kind: 0, errorString: "", showReadMarker: false, model: { id: "1" }
            })
            verify(!findChild(d, "messageText").visible)
            const html = findChild(d, "richText").text
            verify(html.indexOf("&lt;img src=") >= 0, html)
            verify(html.indexOf("<img") < 0 && html.indexOf("<style") < 0 && html.indexOf("javascript") >= 0, html)
            // Only the bare http URL is a link (as on the plain path); the typed <a> is text.
            compare(html.split("<a href=").length, 2, html)
            verify(html.indexOf("<a href=\"http://127.0.0.1:9/pixel.png\">") >= 0, html)
            verify(html.indexOf("<b>really</b>") >= 0, html)
        }

        function test_plain_rendering_is_wider_than_markup() {
            // The same string laid out as plain text keeps its tags: it is wider than its rich rendering.
            const plain = createTemporaryObject(textComponent, root, { text: "<b>x</b>" })
            const reference = createTemporaryObject(textComponent, root, { text: "x" })
            verify(plain.contentWidth > reference.contentWidth * 4, plain.contentWidth + " vs " + reference.contentWidth)
        }

        function test_only_http_links() {
            const body = createTemporaryObject(textComponent, root,
                { text: "a https://example.com/x b file:///etc/passwd javascript:alert(1) www.x.org" })
            verify(body.hasLinks)
            const start = body.text.indexOf("https://")
            const inside = body.positionToRectangle(start + 3)
            compare(body.linkAtPoint(inside.x + 2, inside.y + inside.height / 2), "https://example.com/x")
            const fileAt = body.positionToRectangle(body.text.indexOf("file:") + 3)
            compare(body.linkAtPoint(fileAt.x + 2, fileAt.y + fileAt.height / 2), "")
            const before = body.positionToRectangle(0)
            compare(body.linkAtPoint(before.x + 1, before.y + before.height / 2), "")

            const none = createTemporaryObject(textComponent, root, { text: "<a href=\"x\">no link</a>" })
            verify(!none.hasLinks)
            compare(none.textFormat, TextEdit.PlainText)
        }
    }
}
