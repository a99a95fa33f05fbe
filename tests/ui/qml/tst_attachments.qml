import QtQuick
import QtTest
import StudyConnect
import StudyConnect.Chat

// Attachments in the views: a picture's thumbnail keeps its place from the measured size and is
// decoded at that size, a picture that cannot be had falls back to the file card, cards read
// out "File lecture.pdf, 2.1 MB", a pending message shows its upload with Cancel, and the
// composer's 📎, chips and send rules follow the conversation (nothing where it cannot attach).
Item {
    id: root
    width: 640
    height: 480

    TestCase {
        id: testCase
        name: "Attachments"
        when: windowShown

        // A real picture on disk, as a file the user attached (a pending message's localPath).
        readonly property string iconPath: {
            const url = Qt.resolvedUrl("../../../resources/icons/studyconnect-64.png").toString()
            return decodeURIComponent(url.replace(/^file:\/\//, ""))
        }
        readonly property var pdf: ({ id: "lecture1", name: "lecture.pdf", size: 2202009, sizeText: "2.1 MB",
                                      mimeType: "application/pdf", width: 0, height: 0, isImage: false, localPath: "" })

        Component {
            id: viewComponent
            AttachmentView { }
        }
        Component {
            id: listComponent
            MessageAttachments { width: 500 }
        }
        Component {
            id: composerComponent
            Composer { width: 600 }
        }
        Component {
            id: conversationComponent
            QtObject {
                property bool canAttach: true
                property var draftAttachments: []
                property var calls: []
                function addAttachment(url) {
                    calls.push("add " + url)
                    return url.toString().indexOf("huge") >= 0 ? "“huge.iso” is 31.2 MB; the server takes files up to 25 MB" : ""
                }
                function removeAttachment(index) { calls.push("remove " + index) }
            }
        }
        SignalSpy { id: cancelSpy; signalName: "cancelRequested" }

        function test_thumbnailSizeComesFromTheMeasuredPicture() {
            const view = createTemporaryObject(viewComponent, root, {
                availableWidth: 500,
                attachment: { id: "", name: "photo.png", size: 120000, sizeText: "117 KB", mimeType: "image/png",
                              width: 1200, height: 900, isImage: true, localPath: iconPath } })
            verify(view)
            compare(view.width, 360)
            compare(view.height, 270)
            const image = findChild(view, "attachmentImage")
            compare(image.sourceSize, Qt.size(360, 270))
            // A narrow column: narrower, same aspect.
            view.availableWidth = 200
            compare(view.width, 200)
            compare(view.height, 150)
            compare(image.sourceSize, Qt.size(200, 150))
        }

        function test_pendingPictureTakesItsFilesSize() {
            // Not measured by the server yet: the file's own header says 64 × 64.
            const view = createTemporaryObject(viewComponent, root, {
                availableWidth: 500,
                attachment: { id: "", name: "icon.png", size: 4000, mimeType: "image/png",
                              width: 0, height: 0, isImage: true, localPath: iconPath } })
            compare(view.width, 64)
            compare(view.height, 64)
        }

        function test_localPictureDecodes() {
            // 64 × 64 on disk, said to be 64 × 64: shown as it is.
            const view = createTemporaryObject(viewComponent, root, {
                availableWidth: 500,
                attachment: { id: "", name: "icon.png", size: 4000, sizeText: "3.9 KB", mimeType: "image/png",
                              width: 64, height: 64, isImage: true, localPath: iconPath } })
            const image = findChild(view, "attachmentImage")
            tryCompare(image, "status", Image.Ready, 5000)
            compare(image.implicitWidth, 64) // decoded at the size asked for
            verify(findChild(view, "attachmentThumbnail").visible)
            compare(findChild(view, "attachmentThumbnail").Accessible.name, "Image icon.png, 3.9 KB")
        }

        function test_pictureThatCannotBeHadShowsTheCard() {
            // No such file on the server (and no session in the test): the card, not a hole.
            const view = createTemporaryObject(viewComponent, root, {
                availableWidth: 500,
                attachment: { id: "missing1", name: "notes.png", size: 122880, sizeText: "120 KB", mimeType: "image/png",
                              width: 800, height: 600, isImage: true, localPath: "" } })
            tryCompare(view, "failed", true, 5000)
            const card = findChild(view, "fileCard")
            verify(card && card.visible)
            compare(card.Accessible.name, "Image notes.png, 120 KB")
            verify(!findChild(view, "attachmentThumbnail").visible)
            // A local path nobody attached is refused the same way.
            const other = createTemporaryObject(viewComponent, root, {
                attachment: { id: "bad/../id", name: "x.png", isImage: true, width: 10, height: 10, localPath: "" } })
            tryCompare(other, "failed", false)
            verify(findChild(other, "fileCard"), "no source at all: the card")
        }

        function test_fileCard() {
            const view = createTemporaryObject(viewComponent, root, { availableWidth: 500, attachment: pdf })
            const card = findChild(view, "fileCard")
            verify(card)
            compare(card.Accessible.name, "File lecture.pdf, 2.1 MB")
            compare(findChild(card, "fileIcon").text, "📕")
            compare(findChild(card, "fileName").text, "lecture.pdf")
            verify(findChild(card, "saveFileButton").visible)
            verify(findChild(card, "openFileButton").visible)
            compare(findChild(card, "saveFileButton").Accessible.name, "Save lecture.pdf")
            // Narrow: the card takes the column's width and elides the name.
            view.availableWidth = 180
            compare(card.width, 180)
            // Not uploaded yet: nothing to save or open.
            const local = createTemporaryObject(viewComponent, root, {
                attachment: { id: "", name: "draft.pdf", size: 10, sizeText: "10 bytes", mimeType: "application/pdf", isImage: false, localPath: "/tmp/draft.pdf" } })
            verify(!findChild(local, "saveFileButton").visible)
        }

        function test_uploadProgressAndCancel() {
            const list = createTemporaryObject(listComponent, root, { attachments: [pdf], pending: true, uploadProgress: 0.4 })
            const row = findChild(list, "uploadProgressRow")
            verify(row.visible)
            compare(findChild(list, "uploadProgressText").text, "Uploading… 40%")
            cancelSpy.target = list
            cancelSpy.clear()
            mouseClick(findChild(list, "cancelUploadButton"))
            compare(cancelSpy.count, 1)
            list.uploadProgress = -1
            verify(!row.visible)
            list.pending = false
            list.uploadProgress = 0.5
            verify(!row.visible, "a sent message shows no upload")
        }

        function test_composerAttachments() {
            const conversation = createTemporaryObject(conversationComponent, root)
            const composer = createTemporaryObject(composerComponent, root, { conversation: conversation })
            const attach = findChild(composer, "attachButton")
            verify(attach.visible)
            verify(!composer.canSend)
            composer.addFiles(["file:///tmp/a.pdf", "file:///tmp/huge.iso"])
            compare(conversation.calls, ["add file:///tmp/a.pdf", "add file:///tmp/huge.iso"])
            compare(composer.attachError, "“huge.iso” is 31.2 MB; the server takes files up to 25 MB")
            verify(findChild(composer, "attachErrorText").visible)

            conversation.draftAttachments = [{ name: "a.pdf", size: 1000, sizeText: "1000 bytes", localPath: "/tmp/a.pdf", isImage: false }]
            verify(composer.canSend, "files alone can be sent")
            const chip = findChild(composer, "attachmentChip")
            verify(chip && chip.visible)
            compare(chip.Accessible.name, "File a.pdf, 1000 bytes")
            const remove = findChild(chip, "removeAttachmentButton")
            // The chip's row is placed at the next polish.
            waitForRendering(composer)
            mouseClick(remove)
            compare(conversation.calls[2], "remove 0")

            // A server without files (the seed's): no button, no chips, files ignored.
            conversation.canAttach = false
            verify(!attach.visible)
            verify(!findChild(composer, "attachmentChips").visible)
            verify(!composer.canSend)
            composer.addFiles(["file:///tmp/b.pdf"])
            compare(conversation.calls.length, 3)
            // A thread's composer never attaches.
            conversation.canAttach = true
            composer.threadMode = true
            verify(!attach.visible)
        }
    }
}
