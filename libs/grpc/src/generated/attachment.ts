import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { Attachment as _parley_attachment_v1_Attachment, Attachment__Output as _parley_attachment_v1_Attachment__Output } from './parley/attachment/v1/Attachment';
import type { AttachmentRef as _parley_attachment_v1_AttachmentRef, AttachmentRef__Output as _parley_attachment_v1_AttachmentRef__Output } from './parley/attachment/v1/AttachmentRef';
import type { AttachmentServiceClient as _parley_attachment_v1_AttachmentServiceClient, AttachmentServiceDefinition as _parley_attachment_v1_AttachmentServiceDefinition } from './parley/attachment/v1/AttachmentService';
import type { ClaimAttachmentsRequest as _parley_attachment_v1_ClaimAttachmentsRequest, ClaimAttachmentsRequest__Output as _parley_attachment_v1_ClaimAttachmentsRequest__Output } from './parley/attachment/v1/ClaimAttachmentsRequest';
import type { ClaimAttachmentsResponse as _parley_attachment_v1_ClaimAttachmentsResponse, ClaimAttachmentsResponse__Output as _parley_attachment_v1_ClaimAttachmentsResponse__Output } from './parley/attachment/v1/ClaimAttachmentsResponse';
import type { DeleteAttachmentResponse as _parley_attachment_v1_DeleteAttachmentResponse, DeleteAttachmentResponse__Output as _parley_attachment_v1_DeleteAttachmentResponse__Output } from './parley/attachment/v1/DeleteAttachmentResponse';
import type { DownloadChunk as _parley_attachment_v1_DownloadChunk, DownloadChunk__Output as _parley_attachment_v1_DownloadChunk__Output } from './parley/attachment/v1/DownloadChunk';
import type { DownloadInfo as _parley_attachment_v1_DownloadInfo, DownloadInfo__Output as _parley_attachment_v1_DownloadInfo__Output } from './parley/attachment/v1/DownloadInfo';
import type { DownloadLink as _parley_attachment_v1_DownloadLink, DownloadLink__Output as _parley_attachment_v1_DownloadLink__Output } from './parley/attachment/v1/DownloadLink';
import type { DownloadLinkRequest as _parley_attachment_v1_DownloadLinkRequest, DownloadLinkRequest__Output as _parley_attachment_v1_DownloadLinkRequest__Output } from './parley/attachment/v1/DownloadLinkRequest';
import type { DownloadRequest as _parley_attachment_v1_DownloadRequest, DownloadRequest__Output as _parley_attachment_v1_DownloadRequest__Output } from './parley/attachment/v1/DownloadRequest';
import type { UploadChunk as _parley_attachment_v1_UploadChunk, UploadChunk__Output as _parley_attachment_v1_UploadChunk__Output } from './parley/attachment/v1/UploadChunk';
import type { UploadInfo as _parley_attachment_v1_UploadInfo, UploadInfo__Output as _parley_attachment_v1_UploadInfo__Output } from './parley/attachment/v1/UploadInfo';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  parley: {
    attachment: {
      v1: {
        Attachment: MessageTypeDefinition<_parley_attachment_v1_Attachment, _parley_attachment_v1_Attachment__Output>
        AttachmentRef: MessageTypeDefinition<_parley_attachment_v1_AttachmentRef, _parley_attachment_v1_AttachmentRef__Output>
        AttachmentService: SubtypeConstructor<typeof grpc.Client, _parley_attachment_v1_AttachmentServiceClient> & { service: _parley_attachment_v1_AttachmentServiceDefinition }
        ClaimAttachmentsRequest: MessageTypeDefinition<_parley_attachment_v1_ClaimAttachmentsRequest, _parley_attachment_v1_ClaimAttachmentsRequest__Output>
        ClaimAttachmentsResponse: MessageTypeDefinition<_parley_attachment_v1_ClaimAttachmentsResponse, _parley_attachment_v1_ClaimAttachmentsResponse__Output>
        DeleteAttachmentResponse: MessageTypeDefinition<_parley_attachment_v1_DeleteAttachmentResponse, _parley_attachment_v1_DeleteAttachmentResponse__Output>
        DownloadChunk: MessageTypeDefinition<_parley_attachment_v1_DownloadChunk, _parley_attachment_v1_DownloadChunk__Output>
        DownloadInfo: MessageTypeDefinition<_parley_attachment_v1_DownloadInfo, _parley_attachment_v1_DownloadInfo__Output>
        DownloadLink: MessageTypeDefinition<_parley_attachment_v1_DownloadLink, _parley_attachment_v1_DownloadLink__Output>
        DownloadLinkRequest: MessageTypeDefinition<_parley_attachment_v1_DownloadLinkRequest, _parley_attachment_v1_DownloadLinkRequest__Output>
        DownloadRequest: MessageTypeDefinition<_parley_attachment_v1_DownloadRequest, _parley_attachment_v1_DownloadRequest__Output>
        UploadChunk: MessageTypeDefinition<_parley_attachment_v1_UploadChunk, _parley_attachment_v1_UploadChunk__Output>
        UploadInfo: MessageTypeDefinition<_parley_attachment_v1_UploadInfo, _parley_attachment_v1_UploadInfo__Output>
      }
    }
  }
}

