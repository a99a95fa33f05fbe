import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Ctrl+K: type part of a room's or a person's name, Up/Down to choose, Enter to open.
Popup {
    id: switcher
    objectName: "quickSwitcher"

    /// [{conversation, name, detail, isRoom}] from ConversationManager.switcherEntries().
    property var candidates: []
    signal chosen(var conversation)

    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    width: Math.min(parent ? parent.width - 80 : 480, 520)
    x: parent ? (parent.width - width) / 2 : 0
    y: parent ? parent.height * 0.14 : 0
    padding: 0

    function matches(filter) {
        const needle = filter.trim().toLowerCase()
        const starts = [], contains = []
        for (const c of candidates) {
            const name = c.name.toLowerCase()
            if (needle === "" || name.startsWith(needle) || name.split(/\s+/).some(w => w.startsWith(needle)))
                starts.push(c)
            else if (name.includes(needle))
                contains.push(c)
        }
        return starts.concat(contains).slice(0, 50)
    }

    function accept() {
        if (results.count === 0)
            return
        const item = results.model[Math.max(0, results.currentIndex)]
        close()
        chosen(item.conversation)
    }

    onOpened: {
        input.text = ""
        input.forceActiveFocus()
    }

    background: Rectangle {
        color: Theme.base
        radius: 10
        border.color: Theme.separator
    }

    contentItem: ColumnLayout {
        spacing: 0

        TextField {
            id: input
            objectName: "switcherInput"
            Layout.fillWidth: true
            Layout.margins: Theme.spacing
            placeholderText: qsTr("Jump to a room or person…")
            Accessible.name: qsTr("Jump to a room or person")
            Accessible.ignored: !visible
            onTextChanged: results.currentIndex = 0
            onAccepted: switcher.accept()
            Keys.onDownPressed: results.incrementCurrentIndex()
            Keys.onUpPressed: results.decrementCurrentIndex()
        }
        Rectangle { Layout.fillWidth: true; height: 1; color: Theme.separator }
        ListView {
            id: results
            objectName: "switcherResults"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, 320)
            Layout.bottomMargin: 6
            Layout.topMargin: 6
            clip: true
            model: switcher.matches(input.text)
            currentIndex: 0
            keyNavigationWraps: true
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Matches")
            Accessible.ignored: !visible
            delegate: ItemDelegate {
                required property var modelData
                required property int index
                width: results.width
                highlighted: ListView.isCurrentItem
                Accessible.role: Accessible.ListItem
                Accessible.name: modelData.name + ", " + modelData.detail
                Accessible.ignored: !visible
                contentItem: RowLayout {
                    spacing: Theme.spacing
                    Text {
                        text: modelData.isRoom ? "#" : "@"
                        textFormat: Text.PlainText
                        color: Theme.faintText
                        Layout.preferredWidth: 14
                    }
                    Text {
                        Layout.fillWidth: true
                        text: modelData.name
                        textFormat: Text.PlainText
                        elide: Text.ElideRight
                        color: Theme.text
                    }
                    Text {
                        text: modelData.detail
                        textFormat: Text.PlainText
                        color: Theme.faintText
                        font.pixelSize: Theme.smallFont
                    }
                }
                onClicked: {
                    results.currentIndex = index
                    switcher.accept()
                }
            }
        }
        Text {
            visible: results.count === 0
            Layout.margins: Theme.spacing * 2
            text: qsTr("Nothing matches “%1”").arg(input.text)
            textFormat: Text.PlainText
            color: Theme.faintText
        }
    }
}
