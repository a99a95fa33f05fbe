import QtQuick
import QtTest
import StudyConnect
import StudyConnect.Chat

// MessageDelegate in each delivery state and kind.
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

        /// The child exists (parts are created only when needed) and is visible.
        function shown(item, name) {
            const child = findChild(item, name)
            return child !== null && child.visible
        }

        function make(overrides) {
            const properties = {
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
    }
}
