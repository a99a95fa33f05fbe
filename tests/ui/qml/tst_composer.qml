import QtQuick
import QtTest
import StudyConnect

// Composer keys: Enter sends, Shift+Enter is a new line; blank text never sends; disabled with a
// hint when no conversation is open.
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
    }
}
