import QtQuick
import QtQuick.Controls
import QtTest
import StudyConnect
import StudyConnect.Desktop

// The network settings dialog: it shows the saved settings, refuses a bad proxy host, applies
// and saves a proxy (no keychain in this test: the dialog then says the password lasts for the
// run), and a Test followed by Escape goes back to what is saved. Keyboard and accessible names.
Item {
    id: root
    width: 800
    height: 640

    TestCase {
        id: testCase
        name: "NetworkSettingsDialog"
        when: windowShown

        Component {
            id: dialogComponent
            NetworkSettingsDialog { connection: null }
        }

        function init() {
            verify(NetworkSettings.apply(NetworkSettings.Automatic, NetworkSettings.SystemProxy, "", 0, "", ""))
        }

        function openDialog() {
            const d = createTemporaryObject(dialogComponent, root)
            d.open()
            tryCompare(d, "opened", true)
            return d
        }

        function test_shows_saved_settings_and_names_its_controls() {
            const d = openDialog()
            const transport = findChild(d.contentItem, "transportBox")
            const proxy = findChild(d.contentItem, "proxyBox")
            compare(transport.currentIndex, NetworkSettings.Automatic)
            compare(proxy.currentIndex, NetworkSettings.SystemProxy)
            compare(transport.Accessible.name, "Transport")
            compare(proxy.Accessible.name, "Proxy")
            compare(findChild(d.contentItem, "proxyHostField").Accessible.name, "Proxy host")
            compare(findChild(d.contentItem, "proxyPasswordField").Accessible.description, "Proxy password")
            verify(findChild(d.contentItem, "proxyPasswordField").Accessible.passwordEdit)
            // No host fields without an explicit proxy.
            verify(!findChild(d.contentItem, "proxyHostField").visible)
            // Keyboard: the first control has the focus, Tab goes on to the proxy.
            tryVerify(() => transport.activeFocus)
            keyClick(Qt.Key_Tab)
            verify(proxy.activeFocus)
        }

        function test_refuses_a_bad_host_then_applies_a_proxy() {
            const d = openDialog()
            findChild(d.contentItem, "transportBox").currentIndex = NetworkSettings.LongPollingOnly
            findChild(d.contentItem, "proxyBox").currentIndex = NetworkSettings.HttpProxy
            const host = findChild(d.contentItem, "proxyHostField")
            const apply = findChild(d.footer, "networkApplyButton")
            verify(host.visible)
            // Empty: not an error yet, but nothing to apply.
            verify(!findChild(d.contentItem, "networkProblem").visible)
            verify(!apply.enabled)
            host.text = "http://proxy"
            verify(findChild(d.contentItem, "networkProblem").visible)
            verify(!apply.enabled)
            host.clear()
            host.forceActiveFocus()
            for (const c of "proxy.school.example")
                keyClick(c)
            compare(host.text, "proxy.school.example")
            verify(!findChild(d.contentItem, "networkProblem").visible)
            verify(apply.enabled)
            findChild(d.contentItem, "proxyPortField").text = "3128"
            findChild(d.contentItem, "proxyUserField").text = "student"
            const password = findChild(d.contentItem, "proxyPasswordField")
            verify(password.enabled)
            compare(password.echoMode, TextInput.Password)
            password.text = "not-in-any-file"
            mouseClick(apply)
            tryCompare(d, "visible", false)
            compare(NetworkSettings.transportMode, NetworkSettings.LongPollingOnly)
            compare(NetworkSettings.proxyMode, NetworkSettings.HttpProxy)
            compare(NetworkSettings.proxyHost, "proxy.school.example")
            compare(NetworkSettings.proxyPort, 3128)
            compare(NetworkSettings.proxyUser, "student")
            verify(NetworkSettings.hasProxyPassword)
            // No keychain here: said once the dialog is open again, the password kept for the run.
            tryCompare(NetworkSettings, "keychainAvailable", false, 20000)
            d.open()
            tryCompare(d, "opened", true)
            verify(findChild(d.contentItem, "proxyKeychainNote").visible)
            compare(findChild(d.contentItem, "proxyPasswordField").text, "")
            compare(findChild(d.contentItem, "proxyPasswordField").placeholderText, "Saved: leave empty to keep it")
        }

        function test_test_then_escape_reverts() {
            const d = openDialog()
            findChild(d.contentItem, "proxyBox").currentIndex = NetworkSettings.NoProxy
            findChild(d.contentItem, "transportBox").currentIndex = NetworkSettings.WebSocketOnly
            mouseClick(findChild(d.footer, "networkTestButton"))
            verify(d.visible)
            verify(NetworkSettings.testing)
            compare(NetworkSettings.transportMode, NetworkSettings.WebSocketOnly)
            findChild(d.contentItem, "transportBox").forceActiveFocus()
            keyClick(Qt.Key_Escape)
            tryCompare(d, "visible", false)
            verify(!NetworkSettings.testing)
            compare(NetworkSettings.transportMode, NetworkSettings.Automatic)
            compare(NetworkSettings.proxyMode, NetworkSettings.SystemProxy)
        }
    }
}
