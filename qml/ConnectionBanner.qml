import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import StudyConnect.Chat

// Connection feedback above the timeline, from ChatConnection's state (AuthFailed ends the
// session and the app returns to sign-in with the reason, so this banner has nothing to say).
// Connected, it says nothing, except when the automatic transport had to settle for
// long-polling: then the network blocks WebSocket, which explains a slower feel.
Rectangle {
    id: banner
    objectName: "connectionBanner"

    property int connectionState: ChatConnection.Connected
    property int attempt: 0
    property int secondsLeft: 0
    property int pendingCount: 0
    /// Connected at least once since sign-in (the first connection is "Connecting…", not offline).
    property bool everConnected: false
    /// ChatConnection.transport.
    property int transport: ChatConnection.NoTransport
    /// The transport was left to the app (NetworkSettings.Automatic): long-polling then says
    /// something about the network. Chosen by the user, it needs no mention.
    property bool automaticTransport: true
    /// A proxy stands between the app and the server.
    property bool throughProxy: false
    /// How long the link stays on long-polling before it is mentioned: the upgrade to
    /// WebSocket usually follows within a second.
    property int pollingNoticeDelay: 3000

    signal retryNowRequested()

    readonly property bool offline: connectionState === ChatConnection.Disconnected || connectionState === ChatConnection.Reconnecting
                                    || (connectionState === ChatConnection.Connecting && everConnected)
    readonly property bool onPolling: connectionState === ChatConnection.Connected && transport === ChatConnection.Polling
                                      && automaticTransport
    property bool pollingSettled: false
    onOnPollingChanged: {
        pollingSettled = false
        if (onPolling)
            pollingTimer.restart()
        else
            pollingTimer.stop()
    }
    Component.onCompleted: if (onPolling) pollingTimer.start()
    Timer {
        id: pollingTimer
        interval: banner.pollingNoticeDelay
        onTriggered: banner.pollingSettled = banner.onPolling
    }

    readonly property string headline: {
        if (onPolling && pollingSettled)
            return throughProxy ? qsTr("Connected through a proxy without WebSocket") : qsTr("Using long-polling")
        if (connectionState === ChatConnection.Connecting && !everConnected)
            return qsTr("Connecting…")
        if (connectionState === ChatConnection.Connecting)
            return qsTr("Reconnecting…")
        if (connectionState === ChatConnection.Reconnecting && secondsLeft > 0)
            return qsTr("Reconnecting in %n s (attempt %1)", "", secondsLeft).arg(attempt)
        if (connectionState === ChatConnection.Reconnecting)
            return qsTr("Reconnecting… (attempt %1)").arg(attempt)
        if (connectionState === ChatConnection.Disconnected)
            return qsTr("Offline")
        return ""
    }
    readonly property string detail: {
        if (offline)
            return pendingCount > 0 ? qsTr("Offline: %n message(s) will be sent when you are back", "", pendingCount)
                                    : qsTr("Offline: messages will be sent when you are back")
        if (onPolling && pollingSettled && !throughProxy)
            return qsTr("WebSocket is blocked on this network")
        return ""
    }

    visible: headline !== ""
    implicitHeight: visible ? row.implicitHeight + 12 : 0
    color: offline ? Theme.warningBackground : Theme.sidebar

    Accessible.role: Accessible.AlertMessage
    Accessible.name: headline + (detail ? ". " + detail : "")
    Accessible.ignored: !visible

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: Theme.spacing * 2
        anchors.rightMargin: Theme.spacing * 2
        spacing: Theme.spacing

        BusyIndicator {
            running: banner.visible && (banner.connectionState === ChatConnection.Connecting)
            visible: running
            Layout.preferredHeight: 20
            Layout.preferredWidth: 20
        }
        Text {
            objectName: "bannerHeadline"
            text: banner.headline
            textFormat: Text.PlainText
            color: banner.offline ? Theme.warningText : Theme.mutedText
            font.weight: Font.DemiBold
        }
        Text {
            objectName: "bannerDetail"
            Layout.fillWidth: true
            text: banner.detail ? "— " + banner.detail : ""
            textFormat: Text.PlainText
            elide: Text.ElideRight
            color: banner.offline ? Theme.warningText : Theme.mutedText
        }
        Button {
            objectName: "retryNowButton"
            visible: banner.connectionState === ChatConnection.Reconnecting || banner.connectionState === ChatConnection.Disconnected
            text: qsTr("Retry now")
            flat: true
            Accessible.name: qsTr("Retry connecting now")
            Accessible.ignored: !visible
            onClicked: banner.retryNowRequested()
        }
    }

    Rectangle {
        anchors.bottom: parent.bottom
        width: parent.width
        height: 1
        color: Theme.separator
    }
}
