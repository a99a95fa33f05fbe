import QtQuick
import QtTest
import StudyConnect
import StudyConnect.Auth

// Sign-in page keyboard flow: the email field has focus on start, Tab moves to the password,
// Enter signs in (here with a field missing, so the inline error shows and nothing is sent).
// TestCase itself is invisible: the components under test go into this visible root.
Item {
    id: root
    width: 800
    height: 600

    TestCase {
        id: testCase
        name: "SignInPage"
        when: windowShown

        Component {
            id: pageComponent
            SignInPage { anchors.fill: parent }
        }

        function test_keyboard_flow() {
            const page = createTemporaryObject(pageComponent, root)
            const email = findChild(page, "emailField")
            const password = findChild(page, "passwordField")
            tryVerify(() => email.activeFocus, 2000, "email has focus on start")
            keyClick("a")
            keyClick("@")
            keyClick("b")
            keyClick(Qt.Key_Tab)
            verify(password.activeFocus, "Tab moves to the password")
            compare(password.echoMode, TextInput.Password)
            keyClick(Qt.Key_Return)
            const error = findChild(page, "signInError")
            compare(error.text, "Enter your email address and password.")
            verify(password.activeFocus, "focus goes to the missing field")
            verify(!page.busy)
        }

        function test_invalid_server() {
            const page = createTemporaryObject(pageComponent, root)
            findChild(page, "serverField").text = "ftp://example.org"
            findChild(page, "emailField").text = "a@b.c"
            findChild(page, "passwordField").text = "x"
            page.signIn()
            verify(findChild(page, "signInError").text.indexOf("server address") >= 0)
            verify(findChild(page, "serverField").activeFocus)
        }

        // An error goes once the user changes a field; an address is never cut mid-word.
        function test_errors_go_when_a_field_changes() {
            const page = createTemporaryObject(pageComponent, root, { width: 300 })
            const server = findChild(page, "serverField")
            const error = findChild(page, "signInError")
            server.text = ""
            findChild(page, "emailField").text = "a@b.c"
            findChild(page, "passwordField").text = "x"
            page.signIn()
            compare(error.text, "Enter the server address, for example http://localhost:5000.")
            compare(error.wrapMode, Text.WordWrap)
            verify(server.activeFocus)
            keyClick("h")
            compare(error.text, "")

            // The session's own error (nothing listens on port 1) goes the same way.
            server.text = "http://127.0.0.1:1"
            page.signIn()
            tryVerify(() => error.text.indexOf("Cannot reach the server") === 0, 5000, error.text)
            findChild(page, "passwordField").forceActiveFocus()
            keyClick("y")
            compare(error.text, "")
        }
    }
}
