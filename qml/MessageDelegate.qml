import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import StudyConnect.Chat
import StudyConnect.Desktop

// One row of the timeline: an optional day separator, then either a system line ("Ada joined")
// or a message with avatar, name and time at the start of a run from one sender. Our own
// messages show Pending ("Sending…") and Failed (reason, Retry, Discard) until confirmed. A
// "New messages" line marks where reading stopped.
Item {
    id: row

    required property int index
    required property string clientId
    required property string senderName
    required property string senderAvatar
    required property string text
    required property var createdAt
    required property bool isMine
    required property int deliveryState
    required property bool showSender
    required property bool showDate
    required property int kind
    required property string errorString
    required property bool showReadMarker

    readonly property bool pending: deliveryState === MessageListModel.Pending
    readonly property bool failed: deliveryState === MessageListModel.Failed
    readonly property bool notice: kind !== MessageListModel.Message
    /// The row a search result opened: marked for a moment so the eye finds it.
    readonly property bool highlighted: !!ListView.view && ListView.view.highlightedRow === index
    // The locale's short time without seconds ("14:05", "2:05 PM").
    readonly property string timeText: createdAt ? createdAt.toLocaleTimeString(Qt.locale(), Theme.timeFormat) : ""

    signal retryRequested(string clientId)
    signal discardRequested(string clientId)

    width: ListView.view ? ListView.view.width : implicitWidth
    implicitHeight: column.implicitHeight
    height: implicitHeight

    Accessible.role: Accessible.ListItem
    Accessible.name: {
        if (notice)
            return text
        let state = ""
        if (pending)
            state = qsTr("sending")
        else if (failed)
            state = qsTr("not sent: %1").arg(errorString)
        return qsTr("%1 at %2: %3").arg(senderName).arg(timeText).arg(text) + (state ? ", " + state : "")
    }

    function dayLabel(date) {
        if (!date)
            return ""
        const today = new Date()
        const startOfToday = new Date(today.getFullYear(), today.getMonth(), today.getDate())
        const startOfDay = new Date(date.getFullYear(), date.getMonth(), date.getDate())
        const days = Math.round((startOfToday - startOfDay) / 86400000)
        if (days === 0)
            return qsTr("Today")
        if (days === 1)
            return qsTr("Yesterday")
        return date.toLocaleDateString(Qt.locale(), days < 7 ? "dddd" : Locale.LongFormat)
    }

    Column {
        id: column
        width: parent.width
        topPadding: row.showSender || row.showDate || row.notice ? Theme.spacing : 0

        // --- day separator (created only where a day starts: delegates stay cheap to scroll) ---
        Loader {
            active: row.showDate
            visible: active
            width: parent.width
            sourceComponent: Item {
                objectName: "daySeparator"
                width: parent ? parent.width : 0
                height: dayText.implicitHeight + Theme.spacing * 2
                Accessible.role: Accessible.Separator
                Accessible.name: dayText.text

                Rectangle {
                    anchors.verticalCenter: parent.verticalCenter
                    x: Theme.spacing * 2
                    width: parent.width - Theme.spacing * 4
                    height: 1
                    color: Theme.separator
                }
                Rectangle {
                    anchors.centerIn: parent
                    width: dayText.implicitWidth + Theme.spacing * 3
                    height: dayText.implicitHeight + 6
                    radius: height / 2
                    color: Theme.base
                    border.color: Theme.separator
                    Text {
                        id: dayText
                        anchors.centerIn: parent
                        text: row.dayLabel(row.createdAt)
                        textFormat: Text.PlainText
                        color: Theme.mutedText
                        font.pixelSize: Theme.smallFont
                        font.weight: Font.DemiBold
                    }
                }
            }
        }

        // --- where reading stopped ---
        Loader {
            active: row.showReadMarker
            visible: active
            width: parent.width
            sourceComponent: Item {
                objectName: "readMarker"
                width: parent ? parent.width : 0
                height: markerText.implicitHeight + Theme.spacing
                Accessible.role: Accessible.Separator
                Accessible.name: markerText.text
                Rectangle {
                    anchors.verticalCenter: parent.verticalCenter
                    x: Theme.spacing * 2
                    width: parent.width - Theme.spacing * 4 - markerText.implicitWidth - Theme.spacing
                    height: 1
                    color: Theme.accent
                }
                Text {
                    id: markerText
                    anchors.verticalCenter: parent.verticalCenter
                    anchors.right: parent.right
                    anchors.rightMargin: Theme.spacing * 2
                    text: qsTr("New messages")
                    textFormat: Text.PlainText
                    color: Theme.accent
                    font.pixelSize: Theme.smallFont
                    font.weight: Font.DemiBold
                }
            }
        }

        // --- joined / left line ---
        Loader {
            active: row.notice
            visible: active
            width: parent.width
            sourceComponent: Text {
                objectName: "noticeText"
                width: parent ? parent.width : 0
                height: implicitHeight + Theme.spacing / 2
                leftPadding: Theme.spacing * 2 + Theme.avatarSize + Theme.spacing
                rightPadding: Theme.spacing * 2
                text: (row.kind === MessageListModel.JoinedNotice ? "→ " : "← ") + row.text + (row.timeText ? "  ·  " + row.timeText : "")
                textFormat: Text.PlainText
                elide: Text.ElideRight
                color: Theme.mutedText
                font.pixelSize: Theme.smallFont
                font.italic: true
            }
        }

        // --- message --- (positioners and anchors, no Layouts: delegates are created while
        // scrolling and must stay cheap)
        Item {
            id: messageItem
            visible: !row.notice
            width: parent.width
            height: visible ? Math.max(avatarColumn.height, body.height) + 4 : 0
            objectName: "messageItem"

            Rectangle {
                anchors.fill: parent
                visible: row.failed || hover.hovered
                color: row.failed ? Theme.errorBackground : Theme.hover
            }
            Rectangle {
                objectName: "searchHighlight"
                anchors.fill: parent
                color: Theme.selected
                opacity: row.highlighted ? 1 : 0
                visible: opacity > 0
                Behavior on opacity { NumberAnimation { duration: 600 } }
            }
            HoverHandler { id: hover }

            Item {
                id: avatarColumn
                x: Theme.spacing * 2
                y: 2
                width: Theme.avatarSize
                height: row.showSender ? Theme.avatarSize : 0
                Loader {
                    active: row.showSender
                    anchors.fill: parent
                    sourceComponent: Avatar {
                        name: row.senderName
                        source: row.senderAvatar
                    }
                }
                // The time of a continuation line, shown while hovered.
                Text {
                    visible: !row.showSender && hover.hovered
                    anchors.right: parent.right
                    anchors.top: parent.top
                    anchors.topMargin: 3
                    text: row.timeText
                    textFormat: Text.PlainText
                    color: Theme.faintText
                    font.pixelSize: Theme.smallFont * 0.92
                }
            }

            Column {
                id: body
                x: avatarColumn.x + avatarColumn.width + Theme.spacing * 1.5
                y: 2
                width: parent.width - x - Theme.spacing * 2
                spacing: 2

                Loader {
                    active: row.showSender
                    visible: active
                    width: body.width
                    sourceComponent: Row {
                        spacing: Theme.spacing
                        Text {
                            id: senderText
                            objectName: "senderName"
                            text: row.senderName
                            textFormat: Text.PlainText
                            elide: Text.ElideRight
                            width: Math.min(implicitWidth, body.width * 0.6)
                            color: Theme.text
                            font.weight: Font.DemiBold
                        }
                        Text {
                            objectName: "timeText"
                            anchors.baseline: senderText.baseline
                            text: row.timeText
                            textFormat: Text.PlainText
                            color: Theme.faintText
                            font.pixelSize: Theme.smallFont
                        }
                    }
                }

                MessageText {
                    objectName: "messageText"
                    width: body.width
                    text: row.text
                    opacity: row.pending ? 0.6 : 1
                }

                // --- delivery state of our own unconfirmed messages ---
                Text {
                    visible: row.pending
                    objectName: "pendingMarker"
                    text: qsTr("Sending…")
                    textFormat: Text.PlainText
                    color: Theme.faintText
                    font.pixelSize: Theme.smallFont
                    font.italic: true
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
                Loader {
                    active: row.failed
                    visible: active
                    width: body.width
                    sourceComponent: RowLayout {
                        objectName: "failedMarker"
                        spacing: Theme.spacing
                        Text {
                            Layout.fillWidth: true
                            text: row.errorString ? qsTr("Not sent: %1").arg(row.errorString) : qsTr("Not sent")
                            textFormat: Text.PlainText
                            wrapMode: Text.Wrap
                            color: Theme.danger
                            font.pixelSize: Theme.smallFont
                        }
                        Button {
                            objectName: "retryButton"
                            text: qsTr("Retry")
                            flat: true
                            Accessible.name: qsTr("Retry sending this message")
                            onClicked: row.retryRequested(row.clientId)
                        }
                        Button {
                            objectName: "discardButton"
                            text: qsTr("Discard")
                            flat: true
                            Accessible.name: qsTr("Discard this message")
                            onClicked: row.discardRequested(row.clientId)
                        }
                    }
                }
            }
        }
    }
}
