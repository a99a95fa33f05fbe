import QtQuick
import QtTest
import StudyConnect
import StudyConnect.Chat

// MessageDelegate in each delivery state and kind, and the study additions: reply quote, deleted
// placeholder, thread line, reactions row, and the message menu's entries by ability.
// TestCase itself is invisible: the components under test go into this visible root.
Item {
    id: root
    width: 640
    height: 480

    TestCase {
        id: testCase
        name: "MessageDelegate"
        when: windowShown

        Component {
            id: delegateComponent
            MessageDelegate { width: 600 }
        }
        SignalSpy { id: retrySpy; signalName: "retryRequested" }
        SignalSpy { id: discardSpy; signalName: "discardRequested" }
        SignalSpy { id: quoteSpy; signalName: "quoteActivated" }

        // A stand-in for a Conversation: the abilities the delegate and the menu read, and the
        // calls they make.
        Component {
            id: conversationComponent
            QtObject {
                property bool canReply: false
                property bool canUseThreads: false
                property bool canEdit: false
                property bool canDelete: false
                property bool canModerate: false
                property bool canReact: false
                property bool canPin: false
                property var calls: []
                function toggleReaction(id, emoji) { calls.push("react " + id + " " + emoji) }
                function showThread(id) { calls.push("thread " + id) }
                function startReply(id) { calls.push("reply " + id) }
                function startEdit(id) { calls.push("edit " + id) }
                function deleteMessage(id) { calls.push("delete " + id) }
                function setPinned(id, pinned) { calls.push("pin " + id + " " + pinned) }
                function setThreadResolved(id, resolved) { calls.push("resolve " + id + " " + resolved) }
            }
        }
        Component {
            id: menuComponent
            MessageMenu { anchors.fill: parent }
        }
        readonly property var seedAbilities: ({})
        readonly property var memberAbilities: ({ canReply: true, canUseThreads: true, canEdit: true,
                                                  canDelete: true, canReact: true })
        readonly property var tutorAbilities: ({ canReply: true, canUseThreads: true, canEdit: true,
                                                 canDelete: true, canReact: true, canModerate: true, canPin: true })

        /// The child exists (parts are created only when needed) and is visible.
        function shown(item, name) {
            const child = findChild(item, name)
            return child !== null && child.visible
        }

        function make(overrides, roles) {
            const properties = {
                model: roles || { id: "81" },
                index: 0, clientId: "c-1", senderName: "Ada Lovelace", senderAvatar: "",
                text: "Hello there", createdAt: new Date(2024, 0, 2, 14, 5), isMine: true,
                deliveryState: MessageListModel.Sent, showSender: true, showDate: false, kind: MessageListModel.Message, errorString: "", showReadMarker: false
            }
            for (const key in overrides)
                properties[key] = overrides[key]
            const item = createTemporaryObject(delegateComponent, root, properties)
            verify(item, "delegate created")
            return item
        }

        function test_sent() {
            const d = make({ deliveryState: MessageListModel.Sent })
            compare(findChild(d, "senderName").text, "Ada Lovelace")
            verify(shown(d, "senderName"))
            compare(findChild(d, "messageText").text, "Hello there")
            compare(findChild(d, "messageText").opacity, 1)
            verify(findChild(d, "timeText").text.indexOf("05") >= 0, findChild(d, "timeText").text)
            verify(!findChild(d, "timeText").text.match(/:\d\d:\d\d/), "no seconds")
            verify(!shown(d, "pendingMarker"))
            verify(!shown(d, "failedMarker"))
            verify(d.Accessible.name.indexOf("Ada Lovelace") >= 0)
            verify(d.Accessible.name.indexOf("Hello there") >= 0)
        }

        function test_pending() {
            const d = make({ deliveryState: MessageListModel.Pending })
            verify(shown(d, "pendingMarker"))
            verify(!shown(d, "failedMarker"))
            verify(findChild(d, "messageText").opacity < 1)
            verify(d.Accessible.name.indexOf("sending") >= 0, d.Accessible.name)
        }

        function test_failed_retry_and_discard() {
            const d = make({ deliveryState: MessageListModel.Failed, clientId: "c-42", errorString: "Join the room before sending" })
            const marker = findChild(d, "failedMarker")
            verify(marker.visible)
            verify(!shown(d, "pendingMarker"))
            verify(d.Accessible.name.indexOf("Join the room before sending") >= 0, d.Accessible.name)

            retrySpy.target = d
            discardSpy.target = d
            retrySpy.clear()
            discardSpy.clear()
            const retry = findChild(d, "retryButton")
            verify(retry.visible)
            mouseClick(retry)
            compare(retrySpy.count, 1)
            compare(retrySpy.signalArguments[0][0], "c-42")
            mouseClick(findChild(d, "discardButton"))
            compare(discardSpy.count, 1)
            compare(discardSpy.signalArguments[0][0], "c-42")
        }

        function test_run_continuation_has_no_header() {
            const first = make({ showSender: true })
            const next = make({ showSender: false })
            verify(!shown(next, "senderName"))
            verify(next.height < first.height, "a continuation line is shorter: " + next.height + " vs " + first.height)
        }

        function test_day_separator() {
            const today = make({ showDate: true, createdAt: new Date() })
            verify(shown(today, "daySeparator"))
            const separator = findChild(today, "daySeparator")
            compare(separator.Accessible.name, "Today")
            const none = make({ showDate: false })
            verify(!shown(none, "daySeparator"))
            const old = make({ showDate: true, createdAt: new Date(2020, 4, 17, 9, 0) })
            verify(findChild(old, "daySeparator").Accessible.name.indexOf("2020") >= 0)
        }

        function test_joined_and_left_lines() {
            const joined = make({ kind: MessageListModel.JoinedNotice, text: "Alan Turing joined", senderName: "Alan Turing" })
            verify(shown(joined, "noticeText"))
            const notice = findChild(joined, "noticeText")
            verify(notice.text.indexOf("Alan Turing joined") >= 0)
            verify(!shown(joined, "messageText"))
            const left = make({ kind: MessageListModel.LeftNotice, text: "Alan Turing left" })
            verify(findChild(left, "noticeText").text.indexOf("Alan Turing left") >= 0)
            compare(left.Accessible.name, "Alan Turing left")
        }

        // --- study conversations ---

        function test_reply_quote() {
            const d = make({ text: "Use A*" }, { id: "82", replyToId: "81", replyToSenderName: "Alan Turing",
                                                 replyToText: "Dijkstra or A*?" })
            const quote = findChild(d, "replyQuote")
            verify(quote && quote.visible)
            compare(findChild(d, "replyQuoteSender").text, "Alan Turing")
            compare(findChild(d, "replyQuoteText").text, "Dijkstra or A*?")
            verify(quote.Accessible.name.indexOf("Alan Turing") >= 0)
            verify(d.Accessible.name.indexOf("replying to Alan Turing") >= 0, d.Accessible.name)
            quoteSpy.target = d
            quoteSpy.clear()
            mouseClick(quote)
            compare(quoteSpy.count, 1)
            compare(quoteSpy.signalArguments[0][0], "81")
            // No reply: no quote.
            verify(!findChild(make({}), "replyQuote"))
        }

        function test_edited_and_deleted() {
            const edited = make({}, { id: "5", isEdited: true })
            verify(findChild(edited, "marksText").text.indexOf("(edited)") >= 0)
            const gone = make({ text: "This message was deleted" }, { id: "6", isDeleted: true, isEdited: true })
            verify(shown(gone, "deletedText"))
            verify(!shown(gone, "messageText"))
            verify(findChild(gone, "deletedText").font.italic)
            compare(findChild(gone, "marksText").text, "")
            // Nothing can be done with a deleted message, whatever the conversation allows.
            gone.conversation = createTemporaryObject(conversationComponent, root, testCase.tutorAbilities)
            gone.actionsHost = createTemporaryObject(menuComponent, root)
            verify(!gone.actionable)
            verify(!gone.hasStudyActions)
        }

        function test_thread_summary_opens_the_thread() {
            const conversation = createTemporaryObject(conversationComponent, root, testCase.memberAbilities)
            const d = make({ conversation: conversation },
                           { id: "90", threadReplyCount: 3, threadLastReplyAt: new Date(2024, 0, 2, 14, 2),
                             threadResolved: true })
            const summary = findChild(d, "threadSummary")
            verify(summary && summary.visible)
            verify(summary.label.indexOf("3 replies") >= 0, summary.label)
            verify(summary.label.indexOf("02") >= 0, summary.label)
            verify(summary.label.indexOf("Resolved") >= 0, summary.label)
            mouseClick(summary)
            compare(conversation.calls, ["thread 90"])
            // Inside the thread panel there is no thread line.
            verify(!findChild(make({ inThread: true }, { id: "91", threadReplyCount: 3 }), "threadSummary"))
        }

        function test_reactions_row() {
            const conversation = createTemporaryObject(conversationComponent, root, testCase.memberAbilities)
            const host = createTemporaryObject(menuComponent, root, { conversation: conversation })
            const d = make({ conversation: conversation, actionsHost: host },
                           { id: "77", reactions: [{ emoji: "👍", count: 2, mine: true, names: "Ada, you" },
                                                  { emoji: "🎉", count: 1, mine: false, names: "Alan" }] })
            const row = findChild(d, "reactionsRow")
            verify(row && row.visible)
            const thumbs = findChild(row, "reaction:👍")
            compare(thumbs.Accessible.name, "👍 2: Ada, you")
            compare(thumbs.ToolTip.text, "Ada, you")
            verify(thumbs.checked, "the user's own reaction is marked")
            verify(!findChild(row, "reaction:🎉").checked)
            mouseClick(findChild(row, "reaction:🎉"))
            compare(conversation.calls, ["react 77 🎉"])
            // "+" opens the picker; picking reacts.
            const add = findChild(row, "addReactionButton")
            verify(add.visible)
            mouseClick(add)
            tryVerify(() => host.picker.opened)
            mouseClick(findChild(host.picker.contentItem, "emoji:🔥"))
            compare(conversation.calls, ["react 77 🎉", "react 77 🔥"])
            tryVerify(() => !host.picker.visible)
            // Without the ability (a seed server, a room not joined): no "+", chips do nothing.
            conversation.canReact = false
            verify(!add.visible)
            mouseClick(findChild(row, "reaction:👍"))
            compare(conversation.calls.length, 2)
            // No reactions: no row.
            verify(!findChild(make({}, { id: "78", reactions: [] }), "reactionsRow"))
        }

        /// The entries of the message menu shown for `message` under `abilities`.
        function menuEntries(abilities, message) {
            const conversation = createTemporaryObject(conversationComponent, root, abilities)
            const host = createTemporaryObject(menuComponent, root, { conversation: conversation })
            host.openMenu(message, root, 10, 10)
            tryVerify(() => host.menu.opened)
            const names = ["menuReply", "menuReplyInThread", "menuReact", "menuEdit", "menuDelete",
                           "menuCopy", "menuPin", "menuResolve"]
            const shownEntries = []
            for (let i = 0; i < host.menu.count; ++i) {
                const entry = host.menu.itemAt(i)
                verify(names.indexOf(entry.objectName) >= 0, entry.objectName)
                if (entry.visible)
                    shownEntries.push(entry.objectName)
            }
            host.menu.close()
            return shownEntries
        }

        function test_menu_entries_by_ability() {
            const own = { id: "10", text: "mine", isMine: true, threadReplyCount: 2 }
            const other = { id: "11", text: "theirs", isMine: false, threadReplyCount: 2 }
            // A seed server announces nothing: only Copy text.
            compare(menuEntries(testCase.seedAbilities, own), ["menuCopy"])
            compare(menuEntries(testCase.memberAbilities, own),
                    ["menuReply", "menuReplyInThread", "menuReact", "menuEdit", "menuDelete", "menuCopy", "menuResolve"])
            compare(menuEntries(testCase.memberAbilities, other),
                    ["menuReply", "menuReplyInThread", "menuReact", "menuCopy"])
            // A tutor deletes, pins and resolves anyone's.
            compare(menuEntries(testCase.tutorAbilities, other),
                    ["menuReply", "menuReplyInThread", "menuReact", "menuDelete", "menuCopy", "menuPin", "menuResolve"])
            // A thread reply: Reply and Edit (in the thread panel's composer), no second thread.
            compare(menuEntries(testCase.memberAbilities, { id: "12", isMine: true, threadId: "10", inThread: true }),
                    ["menuReply", "menuReact", "menuEdit", "menuDelete", "menuCopy"])
        }

        function test_delete_asks_first() {
            const conversation = createTemporaryObject(conversationComponent, root, testCase.memberAbilities)
            const host = createTemporaryObject(menuComponent, root, { conversation: conversation })
            host.openMenu({ id: "10", text: "mine", isMine: true }, root, 10, 10)
            tryVerify(() => host.menu.opened)
            host.menu.itemAt(4).triggered() // Delete…
            host.menu.close()
            tryVerify(() => host.deleteDialog.opened)
            compare(conversation.calls, [])
            keyClick(Qt.Key_Escape)
            tryVerify(() => !host.deleteDialog.visible)
            compare(conversation.calls, [])
            host.deleteDialog.open()
            tryVerify(() => host.deleteDialog.opened)
            keyClick(Qt.Key_Return)
            tryVerify(() => !host.deleteDialog.visible)
            compare(conversation.calls, ["delete 10"])
        }

        function test_hover_actions_follow_abilities() {
            const conversation = createTemporaryObject(conversationComponent, root, testCase.seedAbilities)
            const host = createTemporaryObject(menuComponent, root, { conversation: conversation })
            const d = make({ conversation: conversation, actionsHost: host }, { id: "40" })
            mouseMove(d, d.width / 2, d.height / 2)
            wait(20)
            verify(!findChild(d, "messageActions"), "a seed server: no toolbar")
            conversation.canReply = true
            conversation.canReact = true
            mouseMove(d, d.width / 2 + 1, d.height / 2)
            tryVerify(() => findChild(d, "messageActions") !== null)
            verify(findChild(d, "actionReply").visible)
            verify(findChild(d, "actionReact").visible)
            verify(!findChild(d, "actionThread").visible)
            mouseClick(findChild(d, "actionReply"))
            compare(conversation.calls, ["reply 40"])
        }
    }
}
