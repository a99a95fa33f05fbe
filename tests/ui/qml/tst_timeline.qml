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
    ListModel { id: roomD }

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

        // --- following the conversation ---
        function newestFullyVisible(timeline) {
            const item = timeline.itemAtIndex(0)
            if (!item)
                return false
            const top = item.mapToItem(timeline, 0, 0).y
            return top >= -0.5 && top + item.height <= timeline.height + 0.5
        }
        function longText(i) {
            return "Burst " + i + ": " + "a worked step that wraps over several lines of the timeline. ".repeat(1 + i % 4)
                    + (i % 3 === 0 ? "\nwith\nextra\nlines" : "")
        }

        // At the newest message, every burst ends fully in view, whatever the heights and the
        // batch size; a growing row and a smaller window keep it there too.
        function test_bursts_stay_in_view_at_the_newest_message() {
            pane.messages = roomD
            roomD.clear()
            const timeline = findChild(pane, "timeline")
            for (let i = 0; i < 40; ++i)
                roomD.insert(0, root.row("Old " + i, 1, true))
            tryVerify(() => newestFullyVisible(timeline))
            let n = 0
            for (const batch of [1, 5, 3, 20, 2, 50]) {
                for (let i = 0; i < batch; ++i, ++n)
                    roomD.insert(0, root.row(longText(n), 1, n % 2 === 0))
                tryVerify(() => timeline.itemAtIndex(0) && timeline.itemAtIndex(0).children.length > 0)
                tryVerify(() => newestFullyVisible(timeline), 1000, "batch of " + batch + ": the newest row is not fully in view")
                compare(findChild(pane, "jumpToLatestButton").visible, false)
            }
            // The newest row grows (an edit, a late layout).
            roomD.setProperty(0, "text", longText(3) + longText(2) + longText(1))
            tryVerify(() => newestFullyVisible(timeline), 1000, "the grown row is clipped")
            // A smaller window.
            pane.anchors.fill = undefined
            pane.width = 420
            pane.height = 360
            tryVerify(() => newestFullyVisible(timeline), 1000, "the resize scrolled away from the newest row")
            pane.anchors.fill = root
            tryVerify(() => newestFullyVisible(timeline), 1000)
        }

        // Scrolled up, new messages do not move the view: "Jump to latest" shows their count.
        function test_scrolled_up_counts_new_messages() {
            pane.messages = roomD
            roomD.clear()
            const timeline = findChild(pane, "timeline")
            for (let i = 0; i < 60; ++i)
                roomD.insert(0, root.row(longText(i), 1, true))
            tryVerify(() => newestFullyVisible(timeline))
            // The reader scrolls up with the mouse wheel.
            for (let i = 0; i < 10; ++i)
                mouseWheel(timeline, timeline.width / 2, timeline.height / 2, 0, 120)
            tryVerify(() => !newestFullyVisible(timeline) && !timeline.moving)
            const jump = findChild(pane, "jumpToLatestButton")
            tryVerify(() => jump.visible)
            const yBefore = timeline.contentY - timeline.originY
            for (let i = 0; i < 3; ++i)
                roomD.insert(0, root.row("While away " + i, 1, true))
            wait(100)
            verify(!newestFullyVisible(timeline), "the view followed although the reader had scrolled up")
            tryCompare(jump, "newCount", 3)
            verify(jump.text.indexOf("3") >= 0, jump.text)
            compare(jump.Accessible.name, "Jump to latest message, 3 new")
            jump.clicked()
            tryVerify(() => newestFullyVisible(timeline))
            tryVerify(() => !jump.visible)
            compare(jump.newCount, 0)
            // Following again.
            roomD.insert(0, root.row(longText(7), 1, true))
            tryVerify(() => newestFullyVisible(timeline))
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
