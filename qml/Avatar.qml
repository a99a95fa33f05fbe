import QtQuick
import StudyConnect.Desktop

// A round avatar: the image when there is one, else initials on a colour derived from the name.
Item {
    id: avatar

    property string name
    property url source
    property bool online: false
    property bool showPresence: false

    implicitWidth: Theme.avatarSize
    implicitHeight: Theme.avatarSize
    Accessible.ignored: true

    Rectangle {
        id: circle
        anchors.fill: parent
        radius: width / 2
        readonly property bool hasImage: imageLoader.item !== null && imageLoader.item.status === Image.Ready
        color: hasImage ? "transparent" : TextTools.avatarColor(avatar.name)

        Text {
            anchors.centerIn: parent
            visible: !circle.hasImage
            text: TextTools.initials(avatar.name)
            textFormat: Text.PlainText
            color: "white"
            font.pixelSize: Math.round(avatar.height * 0.4)
            font.weight: Font.DemiBold
        }

        // Only http(s) avatars are fetched, and the Image exists only then; else initials.
        Loader {
            id: imageLoader
            anchors.fill: parent
            active: /^https?:\/\//i.test(avatar.source.toString())
            sourceComponent: Image {
                source: avatar.source
                sourceSize.width: avatar.width * 2
                sourceSize.height: avatar.height * 2
                fillMode: Image.PreserveAspectCrop
                asynchronous: true
                // Square: Qt 6.4 has no shader-free way to crop an image round.
                visible: status === Image.Ready
            }
        }
    }

    Rectangle {
        visible: avatar.showPresence
        width: Math.max(8, avatar.width * 0.3)
        height: width
        radius: width / 2
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: -1
        color: avatar.online ? Theme.online : Theme.sidebar
        border.color: avatar.online ? Theme.sidebar : Theme.offline
        border.width: 2
    }
}
