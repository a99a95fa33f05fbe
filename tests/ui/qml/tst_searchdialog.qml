import QtQuick
import QtQuick.Controls
import QtTest
import StudyConnect
import StudyConnect.Chat

// The search popup by keyboard alone: focus in the field, typing is the query, Escape closes.
// The searching itself is tested against the reference backend (tst_messagesearch).
Item {
    id: root
    width: 400
    height: 500

    TestCase {
        id: testCase
        name: "SearchDialog"
        when: windowShown

        Component {
            id: dialogComponent
            SearchDialog {
                search: MessageSearch { }
            }
        }

        function test_keyboard_only() {
            const dialog = createTemporaryObject(dialogComponent, root)
            dialog.open()
            tryVerify(() => dialog.opened)
            const input = findChild(dialog.contentItem, "searchInput")
            verify(input)
            tryVerify(() => input.activeFocus)
            compare(input.Accessible.name, "Search messages")
            keyClick(Qt.Key_D)
            keyClick(Qt.Key_E)
            compare(dialog.search.query, "de")
            // No manager: nothing is searched, and no "no results" line claims otherwise.
            dialog.search.searchNow()
            compare(dialog.search.status, MessageSearch.Idle)
            verify(!findChild(dialog.contentItem, "searchEmpty").visible)
            verify(!findChild(dialog.contentItem, "searchNote").visible)
            // Fits a narrow window.
            verify(dialog.width <= root.width)
            keyClick(Qt.Key_Escape)
            tryVerify(() => !dialog.visible)
            // Opened again: the last query is kept and selected, so typing replaces it.
            dialog.open()
            tryVerify(() => input.activeFocus)
            compare(input.selectedText, "de")
        }
    }
}
