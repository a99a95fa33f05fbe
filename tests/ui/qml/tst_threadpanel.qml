import QtQuick
import QtTest
import StudyConnect

// The thread panel: the root with its resolved state and the button for who may change it, the
// replies, its own composer, and Escape or × closing it.
Item {
    id: root
    width: 400
    height: 600

    ListModel { id: replies }

    // A stand-in for a Thread.
    QtObject {
        id: thread
        property string rootSenderName: "Alan Turing"
        property string rootText: "Dijkstra or A*?"
        property var rootCreatedAt: new Date(2024, 0, 2, 14, 2)
        property int replyCount: 1
        property bool resolved: false
        property bool canResolve: true
        property string draft: ""
        property var messages: replies
        property var conversation: null
        property var calls: []
        function send(text) { calls.push("send " + text); return true }
        function setResolved(value) { calls.push("resolved " + value); resolved = value }
    }

    ThreadPanel {
        id: panel
        anchors.fill: parent
        thread: thread
    }
    SignalSpy { id: closeSpy; target: panel; signalName: "closeRequested" }

    TestCase {
        name: "ThreadPanel"
        when: windowShown

        function test_root_resolve_send_and_close() {
            replies.append({ clientId: "", senderName: "Grace Hopper", senderAvatar: "", text: "A*, with a heuristic",
                             createdAt: new Date(2024, 0, 2, 14, 5), isMine: false, deliveryState: 1,
                             showSender: true, showDate: false, kind: 0, errorString: "", showReadMarker: false })
            compare(findChild(panel, "threadRootText").text, "Dijkstra or A*?")
            verify(findChild(panel, "threadState").text.indexOf("Open") >= 0)
            const resolve = findChild(panel, "resolveButton")
            verify(resolve.visible)
            compare(resolve.text, "Mark resolved")
            mouseClick(resolve)
            compare(thread.calls, ["resolved true"])
            compare(resolve.text, "Reopen")
            verify(findChild(panel, "threadState").text.indexOf("Resolved") >= 0)
            thread.canResolve = false
            verify(!resolve.visible)

            const list = findChild(panel, "threadReplies")
            tryCompare(list, "count", 1)

            // Its own composer (not active without a conversation that can write).
            const composer = findChild(panel, "threadComposer")
            verify(composer)
            compare(composer.threadMode, true)

            // Escape with the focus inside closes it; so does ×.
            list.forceActiveFocus()
            keyClick(Qt.Key_Escape)
            compare(closeSpy.count, 1)
            mouseClick(findChild(panel, "closeThreadButton"))
            compare(closeSpy.count, 2)
        }
    }
}
