import QtQuick
import QtTest
import StudyConnect
import StudyConnect.Chat

// Connection feedback: reconnecting countdown with Retry now, offline note, connected = hidden.
// TestCase itself is invisible: the components under test go into this visible root.
Item {
    id: root
    width: 800
    height: 100

    TestCase {
        id: testCase
        name: "ConnectionBanner"
        when: windowShown

        Component {
            id: bannerComponent
            ConnectionBanner { width: 780 }
        }
        SignalSpy { id: retrySpy; signalName: "retryNowRequested" }

        function test_connected_is_hidden() {
            const b = createTemporaryObject(bannerComponent, root, { connectionState: ChatConnection.Connected, everConnected: true })
            verify(!b.visible)
            compare(b.implicitHeight, 0)
        }

        function test_first_connection() {
            const b = createTemporaryObject(bannerComponent, root, { connectionState: ChatConnection.Connecting, everConnected: false })
            verify(b.visible)
            compare(findChild(b, "bannerHeadline").text, "Connecting…")
            verify(!b.offline)
            verify(!findChild(b, "retryNowButton").visible)
        }

        function test_reconnecting_countdown_and_retry() {
            const b = createTemporaryObject(bannerComponent, root,
                                            { connectionState: ChatConnection.Reconnecting, secondsLeft: 4, attempt: 2, everConnected: true })
            verify(b.visible)
            compare(findChild(b, "bannerHeadline").text, "Reconnecting in 4 s (attempt 2)")
            verify(findChild(b, "bannerDetail").text.indexOf("messages will be sent when you are back") >= 0)
            b.secondsLeft = 3
            compare(findChild(b, "bannerHeadline").text, "Reconnecting in 3 s (attempt 2)")
            retrySpy.target = b
            retrySpy.clear()
            const retry = findChild(b, "retryNowButton")
            verify(retry.visible)
            mouseClick(retry)
            compare(retrySpy.count, 1)
        }

        function test_long_polling_is_mentioned_only_where_it_helps() {
            const b = createTemporaryObject(bannerComponent, root,
                                            { connectionState: ChatConnection.Connected, everConnected: true,
                                              transport: ChatConnection.Polling, pollingNoticeDelay: 10 })
            tryCompare(b, "visible", true)
            compare(findChild(b, "bannerHeadline").text, "Using long-polling")
            verify(findChild(b, "bannerDetail").text.indexOf("WebSocket is blocked on this network") >= 0)
            verify(!b.offline)
            verify(!findChild(b, "retryNowButton").visible)
            b.throughProxy = true
            compare(findChild(b, "bannerHeadline").text, "Connected through a proxy without WebSocket")
            compare(findChild(b, "bannerDetail").text, "")
            // Upgraded to WebSocket: nothing to say.
            b.transport = ChatConnection.WebSocket
            verify(!b.visible)
            // Long-polling chosen by the user in the settings: nothing to say either.
            b.automaticTransport = false
            b.transport = ChatConnection.Polling
            wait(50)
            verify(!b.visible)
        }

        function test_polling_before_the_upgrade_is_not_mentioned() {
            const b = createTemporaryObject(bannerComponent, root,
                                            { connectionState: ChatConnection.Connected, everConnected: true,
                                              transport: ChatConnection.Polling, pollingNoticeDelay: 500 })
            b.transport = ChatConnection.WebSocket
            wait(700)
            verify(!b.visible)
        }

        function test_offline_with_pending() {
            const b = createTemporaryObject(bannerComponent, root,
                                            { connectionState: ChatConnection.Disconnected, pendingCount: 2, everConnected: true })
            compare(findChild(b, "bannerHeadline").text, "Offline")
            verify(findChild(b, "bannerDetail").text.indexOf("2 message") >= 0, findChild(b, "bannerDetail").text)
        }
    }
}
