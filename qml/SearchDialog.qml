import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import StudyConnect.Chat

// Ctrl+F: search the messages. Type, Up/Down to choose a hit, Enter opens its conversation at the
// message, Escape closes. The search itself (what is kept here, then the server) is MessageSearch.
Popup {
    id: dialog
    objectName: "searchDialog"

    required property MessageSearch search

    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    width: Math.min(parent ? parent.width - 24 : 600, 640)
    x: parent ? (parent.width - width) / 2 : 0
    y: parent ? Math.min(parent.height * 0.1, 72) : 0
    padding: 0

    readonly property string note: {
        switch (search.status) {
        case MessageSearch.StoredOnlyOffline:
            return qsTr("You are offline: only the messages kept on this computer were searched.")
        case MessageSearch.StoredOnlyServerError:
            return qsTr("The server could not search (%1): only the messages kept on this computer were searched.").arg(search.errorString)
        case MessageSearch.StoredOnlyNoServerSearch:
            return qsTr("This server cannot search: only the messages kept on this computer were searched.")
        case MessageSearch.Unavailable:
            return search.errorString !== ""
                    ? qsTr("The search failed: %1").arg(search.errorString)
                    : qsTr("Nothing can be searched: you are offline and no messages are kept on this computer.")
        default:
            return ""
        }
    }

    function accept() {
        if (results.count === 0)
            return
        const row = Math.max(0, results.currentIndex)
        close()
        search.openResult(row)
    }

    function timeText(time) {
        if (!time)
            return ""
        const today = new Date()
        const sameDay = time.getFullYear() === today.getFullYear() && time.getMonth() === today.getMonth()
                && time.getDate() === today.getDate()
        const clock = time.toLocaleTimeString(Qt.locale(), Theme.timeFormat)
        return sameDay ? clock : time.toLocaleDateString(Qt.locale(), Locale.ShortFormat) + " " + clock
    }

    // The last query stays, selected: searching again for the same thing is one Enter away.
    onOpened: {
        input.selectAll()
        input.forceActiveFocus()
    }

    background: Rectangle {
        color: Theme.base
        radius: 10
        border.color: Theme.separator
    }

    contentItem: ColumnLayout {
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.margins: Theme.spacing
            spacing: Theme.spacing
            TextField {
                id: input
                objectName: "searchInput"
                Layout.fillWidth: true
                placeholderText: qsTr("Search messages…")
                Accessible.name: qsTr("Search messages")
                Accessible.description: results.count > 0 ? qsTr("%n result(s)", "", results.count) : dialog.note
                Accessible.ignored: !visible
                text: dialog.search.query
                onTextEdited: {
                    dialog.search.query = text
                    results.currentIndex = 0
                }
                onAccepted: dialog.accept()
                Keys.onDownPressed: results.incrementCurrentIndex()
                Keys.onUpPressed: results.decrementCurrentIndex()
                Keys.onPressed: (event) => {
                    if (event.key === Qt.Key_PageDown) {
                        results.currentIndex = Math.min(results.count - 1, results.currentIndex + 5)
                        event.accepted = true
                    } else if (event.key === Qt.Key_PageUp) {
                        results.currentIndex = Math.max(0, results.currentIndex - 5)
                        event.accepted = true
                    }
                }
            }
            BusyIndicator {
                objectName: "searchBusy"
                running: dialog.search.searching
                // Keeps its place: the field does not jump when a search starts.
                opacity: running ? 1 : 0
                Layout.preferredWidth: 24
                Layout.preferredHeight: 24
            }
        }
        Rectangle { Layout.fillWidth: true; height: 1; color: Theme.separator }
        Text {
            objectName: "searchNote"
            visible: text !== ""
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacing * 1.5
            Layout.rightMargin: Theme.spacing * 1.5
            Layout.topMargin: Theme.spacing
            text: dialog.note
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: Theme.mutedText
            font.pixelSize: Theme.smallFont
            Accessible.role: Accessible.StaticText
            Accessible.name: text
            Accessible.ignored: !visible
        }
        ListView {
            id: results
            objectName: "searchResults"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, dialog.parent ? dialog.parent.height * 0.6 : 420)
            Layout.topMargin: 6
            Layout.bottomMargin: 6
            clip: true
            model: dialog.search.results
            currentIndex: 0
            keyNavigationWraps: true
            highlightMoveDuration: 0
            boundsBehavior: Flickable.StopAtBounds
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Search results")
            Accessible.ignored: !visible
            ScrollBar.vertical: ScrollBar { }

            delegate: ItemDelegate {
                id: hit
                required property int index
                required property string conversationName
                required property string senderName
                required property var time
                required property string excerpt
                required property string messageText
                required property bool fromServer

                width: results.width
                highlighted: ListView.isCurrentItem
                // The sidebar's selection colour: the texts keep their own colours and contrast.
                background: Rectangle {
                    color: hit.highlighted ? Theme.selected : (hit.hovered ? Theme.hover : "transparent")
                }
                Accessible.role: Accessible.ListItem
                Accessible.name: qsTr("%1, %2, %3: %4").arg(conversationName).arg(senderName)
                                 .arg(dialog.timeText(time)).arg(messageText)
                Accessible.ignored: !visible
                contentItem: ColumnLayout {
                    spacing: 2
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacing
                        Text {
                            Layout.fillWidth: true
                            text: hit.conversationName + " · " + hit.senderName
                            textFormat: Text.PlainText
                            elide: Text.ElideRight
                            color: Theme.mutedText
                            font.pixelSize: Theme.smallFont
                        }
                        Text {
                            text: dialog.timeText(hit.time)
                            textFormat: Text.PlainText
                            color: Theme.faintText
                            font.pixelSize: Theme.smallFont
                        }
                    }
                    Text {
                        objectName: "searchExcerpt"
                        Layout.fillWidth: true
                        // Our own markup only: the message is HTML-escaped in C++, matches in <b>.
                        text: hit.excerpt
                        textFormat: Text.StyledText
                        wrapMode: Text.Wrap
                        maximumLineCount: 2
                        elide: Text.ElideRight
                        color: Theme.text
                    }
                }
                onClicked: {
                    results.currentIndex = index
                    dialog.accept()
                }
            }
        }
        Text {
            objectName: "searchEmpty"
            visible: results.count === 0 && !dialog.search.searching
                     && dialog.search.status !== MessageSearch.Idle && dialog.search.status !== MessageSearch.Unavailable
            Layout.fillWidth: true
            Layout.margins: Theme.spacing * 2
            text: qsTr("No messages match “%1”").arg(input.text.trim())
            textFormat: Text.PlainText
            elide: Text.ElideRight
            color: Theme.faintText
            Accessible.role: Accessible.StaticText
            Accessible.name: text
            Accessible.ignored: !visible
        }
    }
}
