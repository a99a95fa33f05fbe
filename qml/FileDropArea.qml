import QtQuick
import StudyConnect.Desktop

// Files dropped on the chat are attached to the draft (the composer says which were refused).
// While files are dragged over it, the chat shows where they go.
DropArea {
    id: area
    objectName: "fileDropArea"

    /// The composer that takes the files; it knows whether this conversation can have them.
    property var composer: null
    readonly property bool accepting: !!composer && composer.canAttach

    enabled: accepting
    onEntered: (drag) => drag.accepted = drag.hasUrls
    onDropped: (drop) => {
        if (!drop.hasUrls)
            return
        composer.addFiles(drop.urls)
        drop.acceptProposedAction()
        composer.focusInput()
    }

    Rectangle {
        objectName: "dropHint"
        anchors.fill: parent
        anchors.margins: Theme.spacing
        visible: area.containsDrag
        radius: Theme.radius * 2
        color: Theme.selected
        border.color: Theme.accent
        border.width: 2
        Accessible.role: Accessible.StaticText
        Accessible.name: dropText.text
        Accessible.ignored: !visible
        Text {
            id: dropText
            anchors.centerIn: parent
            width: parent.width - Theme.spacing * 4
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            text: qsTr("Drop files here to attach them")
            textFormat: Text.PlainText
            color: Theme.text
            font.pixelSize: Theme.titleFont
            font.weight: Font.DemiBold
        }
    }
}
