import QtQuick
import QtTest
import StudyConnect

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

        function make(overrides) {
            const properties = {
                index: 0, clientId: "c-1", senderName: "Ada Lovelace", senderAvatar: "",
                text: "Hello there", createdAt: new Date(2024, 0, 2, 14, 5), isMine: true,
                deliveryState: 1, showSender: true, showDate: false, kind: 0, errorString: ""
            }
            for (const key in overrides)
                properties[key] = overrides[key]
            const item = createTemporaryObject(delegateComponent, root, properties)
            verify(item, "delegate created")
            return item
        }

        function test_sent() {
            const d = make({ deliveryState: 1 })
            compare(findChild(d, "senderName").text, "Ada Lovelace")
            verify(findChild(d, "senderName").visible)
            compare(findChild(d, "messageText").text, "Hello there")
            compare(findChild(d, "messageText").opacity, 1)
            verify(findChild(d, "timeText").text.indexOf("05") >= 0, findChild(d, "timeText").text)
            verify(!findChild(d, "timeText").text.match(/:\d\d:\d\d/), "no seconds")
            verify(!findChild(d, "pendingMarker").visible)
            verify(!findChild(d, "failedMarker").visible)
            verify(d.Accessible.name.indexOf("Ada Lovelace") >= 0)
            verify(d.Accessible.name.indexOf("Hello there") >= 0)
        }

        function test_pending() {
            const d = make({ deliveryState: 0 })
            verify(findChild(d, "pendingMarker").visible)
            verify(!findChild(d, "failedMarker").visible)
            verify(findChild(d, "messageText").opacity < 1)
            verify(d.Accessible.name.indexOf("sending") >= 0, d.Accessible.name)
        }

        function test_failed_retry_and_discard() {
            const d = make({ deliveryState: 2, clientId: "c-42", errorString: "Join the room before sending" })
            const marker = findChild(d, "failedMarker")
            verify(marker.visible)
            verify(!findChild(d, "pendingMarker").visible)
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
            verify(!findChild(next, "senderName").visible)
            verify(next.height < first.height, "a continuation line is shorter: " + next.height + " vs " + first.height)
        }

        function test_day_separator() {
            const today = make({ showDate: true, createdAt: new Date() })
            const separator = findChild(today, "daySeparator")
            verify(separator.visible)
            compare(separator.Accessible.name, "Today")
            const none = make({ showDate: false })
            verify(!findChild(none, "daySeparator").visible)
            const old = make({ showDate: true, createdAt: new Date(2020, 4, 17, 9, 0) })
            verify(findChild(old, "daySeparator").Accessible.name.indexOf("2020") >= 0)
        }

        function test_joined_and_left_lines() {
            const joined = make({ kind: 1, text: "Alan Turing joined", senderName: "Alan Turing" })
            const notice = findChild(joined, "noticeText")
            verify(notice.visible)
            verify(notice.text.indexOf("Alan Turing joined") >= 0)
            verify(!findChild(joined, "messageText").visible)
            const left = make({ kind: 2, text: "Alan Turing left" })
            verify(findChild(left, "noticeText").text.indexOf("Alan Turing left") >= 0)
            compare(left.Accessible.name, "Alan Turing left")
        }
    }
}
