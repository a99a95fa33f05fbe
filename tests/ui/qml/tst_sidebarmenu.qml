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

        Component {
            id: roomsSidebarComponent
            Sidebar {
                width: 280
                height: 480
                rooms: ListModel {
                    ListElement { key: "room:1"; name: "Calculus I"; joined: true; unreadCount: 2 }
                    ListElement { key: "room:2"; name: "Algorithms"; joined: true; unreadCount: 0 }
                }
                conversations: ListModel {}
            }
        }
        SignalSpy { id: activatedSpy; signalName: "conversationActivated" }

        // Enter opens the focused entry, as Space and a click do.
        function test_enter_on_an_entry_opens_it() {
            const sidebar = createTemporaryObject(roomsSidebarComponent, root)
            activatedSpy.target = sidebar
            activatedSpy.clear()
            const entry = findChild(sidebar, "room:2")
            entry.forceActiveFocus(Qt.TabFocusReason)
            keyClick(Qt.Key_Return)
            compare(activatedSpy.count, 1)
            keyClick(Qt.Key_Enter)
            compare(activatedSpy.count, 2)
            keyClick(Qt.Key_Space)
            compare(activatedSpy.count, 3)
        }

        // Section buttons are named in words for screen readers, not by their object names.
        function test_section_actions_are_named_in_words() {
            const sidebar = createTemporaryObject(roomsSidebarComponent, root)
            compare(findChild(sidebar, "joinByIdButton").Accessible.name, "Join a room by its id")
            compare(findChild(sidebar, "messageByIdButton").Accessible.name, "Message a person by their id")
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
