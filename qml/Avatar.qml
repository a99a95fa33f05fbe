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
        color: image.status === Image.Ready ? "transparent" : TextTools.avatarColor(avatar.name)

        Text {
            anchors.centerIn: parent
            visible: image.status !== Image.Ready
            text: TextTools.initials(avatar.name)
            textFormat: Text.PlainText
            color: "white"
            font.pixelSize: Math.round(avatar.height * 0.4)
            font.weight: Font.DemiBold
        }

        Image {
            id: image
            anchors.fill: parent
            // Only http(s) avatars are fetched; anything else shows initials.
            source: /^https?:\/\//i.test(avatar.source.toString()) ? avatar.source : ""
            sourceSize.width: width * 2
            sourceSize.height: height * 2
            fillMode: Image.PreserveAspectCrop
            asynchronous: true
            cache: true
            // Square: Qt 6.4 has no shader-free way to crop an image round.
            visible: status === Image.Ready
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
