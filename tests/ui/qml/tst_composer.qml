import QtQuick
import QtTest
import StudyConnect

// Composer keys: Enter sends, Shift+Enter is a new line; blank text never sends; disabled with a
// hint when no conversation is open; with a conversation, the reply and edit bars (Escape
// cancels), Up in an empty composer edits the last message, and mention completion.
// TestCase itself is invisible: the components under test go into this visible root.
Item {
    id: root
    width: 640
    height: 200

    TestCase {
        id: testCase
        name: "Composer"
        when: windowShown

        Component {
            id: composerComponent
            Composer { width: 600 }
        }
        SignalSpy { id: sendSpy; signalName: "sendRequested" }
        SignalSpy { id: editSpy; signalName: "edited" }

        // A stand-in for a Conversation: composer modes and mention candidates.
        Component {
            id: conversationComponent
            QtObject {
                property string replyToId
                property string replyToSenderName
                property string replyToText
                property string editingId
                property bool canEdit: true
                property var calls: []
                readonly property var people: [{ userId: "2", name: "Alan Turing" },
                                               { userId: "3", name: "Ada Albright" },
                                               { userId: "4", name: "Grace Hopper" }]
                function cancelComposerMode() { calls.push("cancel"); replyToId = ""; editingId = "" }
                function editLastMessage() { calls.push("editLast"); editingId = "9"; return true }
                function mentionCandidates(prefix) {
                    const p = prefix.toLowerCase()
                    return people.filter(person => person.name.toLowerCase().split(" ").some(w => w.startsWith(p)))
                }
                function mentionText(userId) { return "@" + people.find(person => person.userId === userId).name }
            }
        }

        function make(properties) {
            const c = createTemporaryObject(composerComponent, root, properties || {})
            sendSpy.target = c
            editSpy.target = c
            sendSpy.clear()
            editSpy.clear()
            const input = findChild(c, "composerInput")
            input.forceActiveFocus()
            tryVerify(() => input.activeFocus)
            return c
        }

        function test_enter_sends_and_clears() {
            const c = make()
            keyClick("h")
            keyClick("i")
            compare(editSpy.count, 2)
            keyClick(Qt.Key_Return)
            compare(sendSpy.count, 1)
            compare(sendSpy.signalArguments[0][0], "hi")
            compare(c.text, "")
            keyClick("x")
            keyClick(Qt.Key_Enter) // keypad Enter too
            compare(sendSpy.count, 2)
        }

        // The keyboard can leave the composer: Tab and Shift+Tab move focus on; Ctrl+Tab types
        // a tab (code).
        function test_tab_leaves_the_composer() {
            const c = make()
            const input = findChild(c, "composerInput")
            keyClick("x")
            keyClick(Qt.Key_Tab)
            verify(!input.activeFocus, "Tab stayed in the composer")
            compare(c.text, "x")
            input.forceActiveFocus()
            keyClick(Qt.Key_Backtab, Qt.ShiftModifier)
            verify(!input.activeFocus, "Shift+Tab stayed in the composer")
            input.forceActiveFocus()
            keyClick(Qt.Key_Tab, Qt.ControlModifier)
            verify(input.activeFocus)
            compare(c.text, "x\t")
        }

        // Near and over the limit a line of its own says so; Send is off when too long.
        function test_length_notice() {
            const c = make()
            const notice = findChild(c, "lengthNotice")
            const input = findChild(c, "composerInput")
            verify(!notice.visible)
            c.text = "a".repeat(3900)
            verify(notice.visible)
            compare(notice.text, "100 characters left")
            verify(c.canSend)
            c.text = "a".repeat(4001)
            compare(notice.text, "1 character too long: a message has at most 4000 characters.")
            verify(!c.canSend)
            // Drawn above the field, never over it.
            const noticeBottom = notice.mapToItem(c, 0, notice.height).y
            const fieldTop = input.mapToItem(c, 0, 0).y
            verify(noticeBottom <= fieldTop, noticeBottom + " > " + fieldTop)
            keyClick(Qt.Key_Return)
            compare(sendSpy.count, 0)
        }

        function test_shift_enter_is_a_new_line() {
            const c = make()
            keyClick("a")
            keyClick(Qt.Key_Return, Qt.ShiftModifier)
            keyClick("b")
            compare(sendSpy.count, 0)
            compare(c.text, "a\nb")
            keyClick(Qt.Key_Return)
            compare(sendSpy.count, 1)
            compare(sendSpy.signalArguments[0][0], "a\nb")
        }

        function test_blank_never_sends() {
            const c = make()
            keyClick(Qt.Key_Return)
            keyClick(Qt.Key_Space)
            keyClick(Qt.Key_Space)
            keyClick(Qt.Key_Return)
            compare(sendSpy.count, 0)
            verify(!findChild(c, "sendButton").enabled)
        }

        function test_send_button() {
            const c = make()
            keyClick("o")
            keyClick("k")
            const button = findChild(c, "sendButton")
            verify(button.enabled)
            mouseClick(button)
            compare(sendSpy.count, 1)
            compare(sendSpy.signalArguments[0][0], "ok")
        }

        function test_inactive_with_hint() {
            const c = createTemporaryObject(composerComponent, root,
                                            { active: false, inactiveHint: "Open a room first" })
            const input = findChild(c, "composerInput")
            verify(!input.enabled)
            compare(input.placeholderText, "Open a room first")
            verify(!findChild(c, "sendButton").enabled)
            c.setTextQuietly("draft")
            c.send()
            compare(c.text, "draft")
        }

        function test_restored_draft_is_not_an_edit() {
            const c = make()
            c.setTextQuietly("my draft")
            compare(editSpy.count, 0)
            compare(c.text, "my draft")
            keyClick(Qt.Key_Return)
            compare(sendSpy.count, 1)
            compare(sendSpy.signalArguments[0][0], "my draft")
        }

        function test_reply_bar_and_escape() {
            const conversation = createTemporaryObject(conversationComponent, root)
            const c = make({ conversation: conversation })
            const bar = findChild(c, "composerModeBar")
            verify(!bar.visible)
            conversation.replyToSenderName = "Alan Turing"
            conversation.replyToText = "Dijkstra or A*?"
            conversation.replyToId = "81"
            verify(bar.visible)
            compare(findChild(c, "composerModeText").text, "Replying to Alan Turing: Dijkstra or A*?")
            compare(findChild(c, "cancelModeButton").Accessible.name, "Cancel reply")
            keyClick(Qt.Key_Escape)
            compare(conversation.calls, ["cancel"])
            verify(!bar.visible)
            // The × button too.
            conversation.replyToId = "81"
            mouseClick(findChild(c, "cancelModeButton"))
            compare(conversation.calls, ["cancel", "cancel"])
            verify(!bar.visible)
        }

        function test_up_in_empty_composer_edits_the_last_message() {
            const conversation = createTemporaryObject(conversationComponent, root)
            const c = make({ conversation: conversation })
            keyClick("a")
            keyClick(Qt.Key_Up)
            compare(conversation.calls, [], "not when there is text")
            keyClick(Qt.Key_Backspace)
            keyClick(Qt.Key_Up)
            compare(conversation.calls, ["editLast"])
            compare(findChild(c, "composerModeText").text, "Editing message")
            keyClick(Qt.Key_Escape)
            compare(conversation.calls, ["editLast", "cancel"])
            // Without the ability nothing happens.
            conversation.canEdit = false
            keyClick(Qt.Key_Up)
            compare(conversation.calls, ["editLast", "cancel"])
            // Nor in a thread's composer.
            conversation.canEdit = true
            make({ conversation: conversation, threadMode: true })
            keyClick(Qt.Key_Up)
            compare(conversation.calls, ["editLast", "cancel"])
        }

        function test_mention_completion() {
            const conversation = createTemporaryObject(conversationComponent, root)
            const c = make({ conversation: conversation })
            const popup = findChild(c, "mentionPopup")
            keyClick("H")
            keyClick("i")
            keyClick(Qt.Key_Space)
            keyClick("@")
            tryVerify(() => popup.opened)
            compare(popup.candidates.length, 3)
            keyClick("a")
            compare(popup.candidates.length, 2, JSON.stringify(popup.candidates))
            compare(popup.currentIndex, 0)
            keyClick(Qt.Key_Down)
            compare(popup.currentIndex, 1)
            keyClick(Qt.Key_Return)
            compare(c.text, "Hi @Ada Albright ")
            tryVerify(() => !popup.visible)
            compare(sendSpy.count, 0, "Enter picked, it did not send")
            // Tab picks too; Escape closes without picking.
            keyClick("@")
            keyClick("g")
            tryVerify(() => popup.opened)
            keyClick(Qt.Key_Tab)
            compare(c.text, "Hi @Ada Albright @Grace Hopper ")
            keyClick("@")
            keyClick("t")
            tryVerify(() => popup.opened)
            keyClick(Qt.Key_Escape)
            tryVerify(() => !popup.visible)
            compare(c.text, "Hi @Ada Albright @Grace Hopper @t")
            // No match: no list.
            keyClick("z")
            verify(!popup.visible)
        }
    }
}
