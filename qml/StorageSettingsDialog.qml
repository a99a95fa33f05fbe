import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import StudyConnect.Chat
import StudyConnect.Desktop

// How many messages are kept on this computer per conversation (DesktopSettings.storedMessageLimit,
// 0 keeps all). Saved with OK; the oldest beyond the limit are deleted from this computer only.
Dialog {
    id: dialog
    objectName: "storageSettingsDialog"

    title: qsTr("Messages on this computer")
    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape
    x: parent ? (parent.width - width) / 2 : 0
    y: parent ? Math.max(16, (parent.height - height) / 2) : 0
    width: Math.min(420, parent ? parent.width - 32 : 420)

    /// The limits offered, in the order of the list; 0 keeps all.
    readonly property var limits: {
        const offered = [0, 1000, 10000]
        // A limit set some other way stays selectable.
        if (offered.indexOf(DesktopSettings.storedMessageLimit) < 0)
            offered.push(DesktopSettings.storedMessageLimit)
        return offered
    }
    function label(limit) {
        return limit === 0 ? qsTr("Keep all messages")
                           : qsTr("Keep the newest %1 per conversation").arg(Number(limit).toLocaleString(Qt.locale(), "f", 0))
    }

    onOpened: {
        limitBox.currentIndex = Math.max(0, limits.indexOf(DesktopSettings.storedMessageLimit))
        limitBox.forceActiveFocus()
    }
    onAccepted: DesktopSettings.storedMessageLimit = limits[limitBox.currentIndex]

    standardButtons: Dialog.Ok | Dialog.Cancel

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        ComboBox {
            id: limitBox
            objectName: "storedMessageLimitBox"
            Layout.fillWidth: true
            model: dialog.limits.map(limit => dialog.label(limit))
            Accessible.name: qsTr("Messages kept per conversation")
            Accessible.ignored: !visible
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("Kept messages can be read and searched offline. Older ones are deleted from this computer only: they stay on the server and load again when you scroll up.")
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: Theme.mutedText
            font.pixelSize: Theme.smallFont
        }
        Label {
            objectName: "storageErrorText"
            Layout.fillWidth: true
            visible: ConversationManager.offlineStoreError !== ""
            Accessible.ignored: !visible
            text: qsTr("Messages cannot be kept on this computer: %1").arg(ConversationManager.offlineStoreError)
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: Theme.danger
        }
    }
}
