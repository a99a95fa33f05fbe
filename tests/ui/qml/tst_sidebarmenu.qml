import QtQuick
import QtQuick.Controls
import QtTest
import StudyConnect

// The account menu offers the network settings, with the mouse and with the keyboard.
Item {
    id: root
    width: 300
    height: 500

    TestCase {
        id: testCase
        name: "SidebarMenu"
        when: windowShown

        Component {
            id: sidebarComponent
            Sidebar {
                width: 280
                height: 480
                rooms: ListModel {}
                conversations: ListModel {}
            }
        }
        SignalSpy { id: settingsSpy; signalName: "networkSettingsRequested" }

        function openMenu(sidebar) {
            const button = findChild(sidebar, "accountMenuButton")
            verify(button)
            mouseClick(button)
            let item = null
            tryVerify(() => (item = findChild(button, "networkSettingsItem")) !== null && item.visible)
            return item
        }

        function test_menu_item_asks_for_the_network_settings() {
            const sidebar = createTemporaryObject(sidebarComponent, root)
            settingsSpy.target = sidebar
            settingsSpy.clear()
            const item = openMenu(sidebar)
            mouseClick(item)
            compare(settingsSpy.count, 1)
        }

        function test_menu_item_by_keyboard() {
            const sidebar = createTemporaryObject(sidebarComponent, root)
            settingsSpy.target = sidebar
            settingsSpy.clear()
            const item = openMenu(sidebar)
            // Jump to…, Search messages…, Join a room by id…, Message a person by id…, then
            // Network settings…
            for (let i = 0; i < 5; ++i)
                keyClick(Qt.Key_Down)
            verify(item.highlighted)
            keyClick(Qt.Key_Return)
            compare(settingsSpy.count, 1)
        }
    }
}
