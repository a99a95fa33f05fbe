import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Connection feedback above the timeline. States are SocketService's: Disconnected 0,
// Connecting 1, Connected 2, Reconnecting 3, AuthFailed 4 (the session then ends and the app
// returns to sign-in with the reason, so this banner has nothing to say about it).
Rectangle {
    id: banner
    objectName: "connectionBanner"

    property int connectionState: 2
    property int attempt: 0
    property int secondsLeft: 0
    property int pendingCount: 0
    /// Connected at least once since sign-in (the first connection is "Connecting…", not offline).
    property bool everConnected: false

    signal retryNowRequested()

    readonly property bool offline: connectionState === 0 || connectionState === 3
                                    || (connectionState === 1 && everConnected)
    readonly property string headline: {
        if (connectionState === 1 && !everConnected)
            return qsTr("Connecting…")
        if (connectionState === 1)
            return qsTr("Reconnecting…")
        if (connectionState === 3 && secondsLeft > 0)
            return qsTr("Reconnecting in %n s (attempt %1)", "", secondsLeft).arg(attempt)
        if (connectionState === 3)
            return qsTr("Reconnecting… (attempt %1)").arg(attempt)
        if (connectionState === 0)
            return qsTr("Offline")
        return ""
    }
    readonly property string detail: offline ? (pendingCount > 0
        ? qsTr("Offline: %n message(s) will be sent when you are back", "", pendingCount)
        : qsTr("Offline: messages will be sent when you are back")) : ""

    visible: headline !== ""
    implicitHeight: visible ? row.implicitHeight + 12 : 0
    color: offline ? Theme.warningBackground : Theme.sidebar

    Accessible.role: Accessible.AlertMessage
    Accessible.name: headline + (detail ? ". " + detail : "")

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: Theme.spacing * 2
        anchors.rightMargin: Theme.spacing * 2
        spacing: Theme.spacing

        BusyIndicator {
            running: banner.visible && (banner.connectionState === 1)
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
            visible: banner.connectionState === 3 || banner.connectionState === 0
            text: qsTr("Retry now")
            flat: true
            Accessible.name: qsTr("Retry connecting now")
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
