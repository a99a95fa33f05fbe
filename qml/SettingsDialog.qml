import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import StudyConnect.Chat
import StudyConnect.Desktop

// Settings (Ctrl+, or the sidebar's "⋯" menu): notifications and do not disturb, muted
// conversations, the colour scheme, starting at login and running in the background, and the
// way to the network and storage settings. Every choice applies at once and is kept
// (AppPreferences, Appearance); Escape or Close closes. Scrolls when the window is small.
Dialog {
    id: dialog
    objectName: "settingsDialog"

    title: qsTr("Settings")
    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape
    x: parent ? (parent.width - width) / 2 : 0
    y: parent ? Math.max(8, (parent.height - height) / 2) : 0
    width: Math.min(480, parent ? parent.width - 16 : 480)
    height: Math.min(implicitHeight, parent ? parent.height - 16 : implicitHeight)

    /// The storage settings belong to a signed-in session: offered only then.
    property bool signedIn: false
    /// When the page was opened: "until tomorrow 08:00" is worked out from then.
    property date openedAt: new Date()

    signal networkSettingsRequested()
    signal storageSettingsRequested()

    /// "08:00", "tomorrow 08:00" or a date and time: when do not disturb ends.
    function endText(end) {
        const time = Qt.formatTime(end, Theme.timeFormat)
        const today = new Date()
        const tomorrow = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1)
        if (end.toDateString() === today.toDateString())
            return time
        if (end.toDateString() === tomorrow.toDateString())
            return qsTr("tomorrow %1").arg(time)
        return Qt.formatDateTime(end, Qt.locale().dateFormat(Locale.ShortFormat) + " " + Theme.timeFormat)
    }
    /// Keeps the control with the keyboard focus in view while Tab moves through the page.
    function reveal(control) {
        const top = control.mapToItem(page, 0, 0).y
        if (top < flick.contentY)
            flick.contentY = Math.max(0, top - Theme.spacing)
        else if (top + control.height > flick.contentY + flick.height)
            flick.contentY = Math.min(flick.contentHeight - flick.height, top + control.height - flick.height + Theme.spacing)
    }

    onOpened: {
        openedAt = new Date()
        flick.contentY = 0
        // As if tabbed to: the focus frame shows where the keyboard is.
        notificationsSwitch.forceActiveFocus(Qt.TabFocusReason)
    }

    // Qt 6.4 does not keep a popup and the controls in it in step with the application palette:
    // with the colours chosen here the open page kept the old ones (white text on the new light
    // background), and after starting in Dark it opened light. The page takes its colours from
    // Theme's SystemPalette, which follows the application palette, and each control on it the
    // page's (the Page* components below).
    palette.window: Theme.palette.window
    palette.windowText: Theme.palette.windowText
    palette.base: Theme.palette.base
    palette.alternateBase: Theme.palette.alternateBase
    palette.text: Theme.palette.text
    palette.button: Theme.palette.button
    palette.buttonText: Theme.palette.buttonText
    palette.highlight: Theme.palette.highlight
    palette.highlightedText: Theme.palette.highlightedText
    palette.light: Theme.palette.light
    palette.midlight: Theme.palette.midlight
    palette.mid: Theme.palette.mid
    palette.dark: Theme.palette.dark
    palette.shadow: Theme.palette.shadow

    component PageComboBox: ComboBox {
        palette: dialog.palette
        onActiveFocusChanged: if (activeFocus) dialog.reveal(this)
    }
    component PageButton: Button {
        palette: dialog.palette
        onActiveFocusChanged: if (activeFocus) dialog.reveal(this)
    }

    // A switch whose text wraps in a narrow window instead of being cut off, with a visible
    // focus frame.
    component WrappingSwitch: Switch {
        id: wrapping
        Layout.fillWidth: true
        palette: dialog.palette
        contentItem: Text {
            text: wrapping.text
            font: wrapping.font
            color: Theme.text
            wrapMode: Text.Wrap
            verticalAlignment: Text.AlignVCenter
            leftPadding: wrapping.indicator.width + wrapping.spacing
        }
        background: Rectangle {
            color: "transparent"
            radius: Theme.radius
            border.width: wrapping.visualFocus ? 2 : 0
            border.color: Theme.focusRing
        }
        Accessible.name: text
        onActiveFocusChanged: if (activeFocus) dialog.reveal(this)
    }

    // The title in Theme's colours (the style's own header keeps the old palette, see above).
    header: Label {
        text: dialog.title
        color: Theme.text
        font.weight: Font.DemiBold
        font.pixelSize: Theme.titleFont
        elide: Text.ElideRight
        padding: Theme.spacing * 1.5
        bottomPadding: Theme.spacing / 2
        Accessible.role: Accessible.Heading
    }

    footer: DialogButtonBox {
        palette: dialog.palette
        PageButton {
            objectName: "settingsCloseButton"
            text: qsTr("Close")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }

    contentItem: Flickable {
        id: flick
        implicitHeight: page.implicitHeight
        contentHeight: page.implicitHeight
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar { policy: flick.contentHeight > flick.height ? ScrollBar.AlwaysOn : ScrollBar.AsNeeded }

        ColumnLayout {
            id: page
            // Room for the scroll bar, always: a width that followed it would wrap the text again.
            width: flick.width - 12
            spacing: Theme.spacing

            // --- notifications ---
            Label {
                text: qsTr("Notifications")
                font.weight: Font.DemiBold
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            WrappingSwitch {
                id: notificationsSwitch
                objectName: "notificationsSwitch"
                text: qsTr("Show a notification for new messages")
                checked: AppPreferences.notificationsEnabled
                onToggled: AppPreferences.notificationsEnabled = checked
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                Label {
                    text: qsTr("Do not disturb")
                    color: Theme.text
                }
                PageComboBox {
                    id: dndBox
                    objectName: "doNotDisturbBox"
                    Layout.fillWidth: true
                    // In the order of AppPreferences.DoNotDisturbChoice.
                    model: [qsTr("Off"), qsTr("For 1 hour"),
                            dialog.openedAt && qsTr("Until %1").arg(dialog.endText(AppPreferences.doNotDisturbEndIfChosenNow(AppPreferences.UntilMorning)))]
                    // What is in force, whichever choice started it (also after a restart).
                    displayText: AppPreferences.doNotDisturb
                                 ? qsTr("Until %1").arg(dialog.endText(AppPreferences.doNotDisturbUntil)) : qsTr("Off")
                    onActivated: (index) => AppPreferences.setDoNotDisturb(index)
                    Accessible.name: qsTr("Do not disturb")
                    Accessible.description: displayText
                }
            }
            Label {
                objectName: "doNotDisturbText"
                Layout.fillWidth: true
                text: AppPreferences.doNotDisturb
                      ? qsTr("No notifications until %1, mentions included.").arg(dialog.endText(AppPreferences.doNotDisturbUntil))
                      : (AppPreferences.notificationsEnabled
                         ? qsTr("Messages in the conversation you are reading are not notified while the window is in front.")
                         : qsTr("New messages are counted in the sidebar and the title, without notifications."))
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                color: Theme.mutedText
                font.pixelSize: Theme.smallFont
            }

            // --- muted conversations ---
            Label {
                Layout.topMargin: Theme.spacing
                text: qsTr("Muted conversations")
                font.weight: Font.DemiBold
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            // No gap below the text while nothing is muted.
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0
                Label {
                    Layout.fillWidth: true
                    text: qsTr("A muted conversation only notifies you when you are mentioned. Mute one from its menu in the sidebar (right-click it, or press the Menu key).")
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    color: Theme.mutedText
                    font.pixelSize: Theme.smallFont
                }
                Column {
                    id: mutedList
                    objectName: "mutedList"
                    Layout.fillWidth: true
                    Layout.topMargin: implicitHeight > 0 ? Theme.spacing : 0
                    Repeater {
                        model: ConversationManager.rooms
                        delegate: mutedRow
                    }
                    Repeater {
                        model: ConversationManager.directConversations
                        delegate: mutedRow
                    }
                }
            }
            Component {
                id: mutedRow
                RowLayout {
                    required property var model
                    width: mutedList.width
                    visible: model.muted
                    Label {
                        Layout.fillWidth: true
                        text: model.name
                        textFormat: Text.PlainText
                        elide: Text.ElideRight
                        color: Theme.text
                    }
                    PageButton {
                        text: qsTr("Unmute")
                        Accessible.name: qsTr("Unmute %1").arg(model.name)
                        onClicked: model.conversation.muted = false
                    }
                }
            }

            // --- appearance ---
            Label {
                Layout.topMargin: Theme.spacing
                text: qsTr("Appearance")
                font.weight: Font.DemiBold
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                Label {
                    text: qsTr("Colours")
                    color: Theme.text
                }
                PageComboBox {
                    id: schemeBox
                    objectName: "schemeBox"
                    Layout.fillWidth: true
                    // In the order of Appearance.Scheme.
                    model: [qsTr("As the system"), qsTr("Light"), qsTr("Dark")]
                    currentIndex: Appearance.scheme
                    onActivated: (index) => Appearance.scheme = index
                    Accessible.name: qsTr("Colours")
                    Accessible.description: displayText
                }
            }

            // --- start and background ---
            Label {
                Layout.topMargin: Theme.spacing
                text: qsTr("Starting and closing")
                font.weight: Font.DemiBold
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            WrappingSwitch {
                objectName: "startAtLoginSwitch"
                text: qsTr("Start StudyConnect when I log in")
                checked: AppPreferences.startAtLogin
                onToggled: {
                    AppPreferences.startAtLogin = checked
                    // What the autostart folder says, also when writing it failed.
                    checked = Qt.binding(() => AppPreferences.startAtLogin)
                }
            }
            Label {
                objectName: "startAtLoginError"
                Layout.fillWidth: true
                visible: AppPreferences.startAtLoginError !== ""
                text: AppPreferences.startAtLoginError
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                color: Theme.danger
            }
            WrappingSwitch {
                objectName: "backgroundSwitch"
                text: qsTr("Keep running in the background when the window is closed")
                checked: AppPreferences.keepRunningInBackground
                onToggled: AppPreferences.keepRunningInBackground = checked
                Accessible.description: backgroundText.text
            }
            Label {
                id: backgroundText
                objectName: "backgroundText"
                Layout.fillWidth: true
                text: !DesktopShell.trayAvailable
                      ? qsTr("No system tray found: closing the window quits.")
                      : AppPreferences.keepRunningInBackground
                        ? qsTr("Closing the window keeps StudyConnect connected in the system tray, with the unread count; quit from the tray icon's menu.")
                        : qsTr("Closing the window quits.")
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                color: Theme.mutedText
                font.pixelSize: Theme.smallFont
            }

            // --- more ---
            Label {
                Layout.topMargin: Theme.spacing
                text: qsTr("More settings")
                font.weight: Font.DemiBold
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            Flow {
                Layout.fillWidth: true
                spacing: Theme.spacing
                PageButton {
                    objectName: "networkSettingsButton"
                    text: qsTr("Network settings…")
                    Accessible.name: qsTr("Network settings")
                    onClicked: {
                        dialog.close()
                        dialog.networkSettingsRequested()
                    }
                }
                PageButton {
                    objectName: "storageSettingsButton"
                    visible: dialog.signedIn
                    text: qsTr("Messages on this computer…")
                    Accessible.name: qsTr("Messages on this computer")
                    onClicked: {
                        dialog.close()
                        dialog.storageSettingsRequested()
                    }
                }
            }
        }
    }
}
