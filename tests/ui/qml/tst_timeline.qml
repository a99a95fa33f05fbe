import QtQuick
import QtTest
import StudyConnect

// The timeline shows the rows of the conversation in view, also after switching conversations
// while rows were being replaced (a Pending row confirmed). Qt 6.4's delegate reuse got this
// wrong: a reused delegate went on showing a row of the previous conversation.
Item {
    id: root
    width: 800
    height: 600

    ListModel { id: roomA }
    ListModel { id: roomB }
    ListModel { id: roomC }

    function row(text, state, showSender) {
        return { clientId: "", senderName: "Ada Lovelace", senderAvatar: "", text: text,
                 createdAt: new Date(2024, 0, 2, 12, 0), isMine: true, deliveryState: state,
                 showSender: showSender, showDate: false, kind: 0, errorString: "", showReadMarker: false }
    }

    ChatPane {
        id: pane
        anchors.fill: parent
        title: "Room A"
        messages: roomA
    }

    TestCase {
        name: "Timeline"
        when: windowShown

        function shownTexts() {
            const texts = []
            const timeline = findChild(pane, "timeline")
            const items = timeline.contentItem.children
            for (let i = 0; i < items.length; ++i) {
                const body = findChild(items[i], "messageText")
                if (body && items[i].visible && body.visible)
                    texts.push(body.text)
            }
            return texts
        }

        function test_switching_conversations_shows_only_their_rows() {
            for (let i = 0; i < 30; ++i)
                roomA.insert(0, root.row("A" + i, 1, i % 3 === 0))
            for (let i = 0; i < 30; ++i)
                roomB.insert(0, root.row("B" + i, 1, i % 4 === 0))
            // Our message: Pending, then replaced by its confirmed copy (remove + insert).
            roomA.insert(0, root.row("A pending", 0, false))
            wait(50)
            roomA.remove(0)
            roomA.insert(0, root.row("A confirmed", 1, false))
            wait(50)
            verify(shownTexts().indexOf("A confirmed") >= 0)

            pane.messages = roomB
            tryVerify(() => shownTexts().length > 5)
            wait(100)
            const texts = shownTexts()
            for (const t of texts)
                verify(t.startsWith("B"), "row of the other conversation shown: " + t + " in " + JSON.stringify(texts))
            verify(texts.indexOf("B29") >= 0, "the newest row is shown: " + JSON.stringify(texts))

            pane.messages = roomA
            tryVerify(() => shownTexts().indexOf("A confirmed") >= 0)
            for (const t of shownTexts())
                verify(t.startsWith("A"), t)
        }

        // A search hit: the view scrolls to an old row, centred, and marks it for a moment.
        function test_show_message_scrolls_to_the_row_and_marks_it() {
            pane.messages = roomC
            for (let i = 0; i < 60; ++i)
                roomC.insert(0, root.row("M" + i, 1, true))
            const timeline = findChild(pane, "timeline")
            tryVerify(() => shownTexts().indexOf("M59") >= 0)
            verify(shownTexts().indexOf("M5") < 0)
            pane.showMessage(54) // row 54 is "M5": row 0 is the newest
            tryVerify(() => shownTexts().indexOf("M5") >= 0)
            const item = timeline.itemAtIndex(54)
            verify(item && item.highlighted)
            verify(!timeline.itemAtIndex(53).highlighted)
            tryVerify(() => !item.highlighted, 4000)
            pane.messages = roomA
        }

        function test_note_shows_and_goes() {
            const note = findChild(pane, "transientNote")
            verify(!note.visible)
            pane.showNote("That message cannot be shown")
            verify(note.visible)
            compare(note.Accessible.name, "That message cannot be shown")
            tryVerify(() => !note.visible, 7000)
        }
    }
}
