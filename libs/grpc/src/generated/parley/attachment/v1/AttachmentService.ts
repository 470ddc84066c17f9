// Original file: parley/attachment/v1/attachment.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { Attachment as _parley_attachment_v1_Attachment, Attachment__Output as _parley_attachment_v1_Attachment__Output } from '../../../parley/attachment/v1/Attachment';
import type { AttachmentRef as _parley_attachment_v1_AttachmentRef, AttachmentRef__Output as _parley_attachment_v1_AttachmentRef__Output } from '../../../parley/attachment/v1/AttachmentRef';
import type { ClaimAttachmentsRequest as _parley_attachment_v1_ClaimAttachmentsRequest, ClaimAttachmentsRequest__Output as _parley_attachment_v1_ClaimAttachmentsRequest__Output } from '../../../parley/attachment/v1/ClaimAttachmentsRequest';
import type { ClaimAttachmentsResponse as _parley_attachment_v1_ClaimAttachmentsResponse, ClaimAttachmentsResponse__Output as _parley_attachment_v1_ClaimAttachmentsResponse__Output } from '../../../parley/attachment/v1/ClaimAttachmentsResponse';
import type { DeleteAttachmentResponse as _parley_attachment_v1_DeleteAttachmentResponse, DeleteAttachmentResponse__Output as _parley_attachment_v1_DeleteAttachmentResponse__Output } from '../../../parley/attachment/v1/DeleteAttachmentResponse';
import type { DownloadChunk as _parley_attachment_v1_DownloadChunk, DownloadChunk__Output as _parley_attachment_v1_DownloadChunk__Output } from '../../../parley/attachment/v1/DownloadChunk';
import type { DownloadLink as _parley_attachment_v1_DownloadLink, DownloadLink__Output as _parley_attachment_v1_DownloadLink__Output } from '../../../parley/attachment/v1/DownloadLink';
import type { DownloadLinkRequest as _parley_attachment_v1_DownloadLinkRequest, DownloadLinkRequest__Output as _parley_attachment_v1_DownloadLinkRequest__Output } from '../../../parley/attachment/v1/DownloadLinkRequest';
import type { DownloadRequest as _parley_attachment_v1_DownloadRequest, DownloadRequest__Output as _parley_attachment_v1_DownloadRequest__Output } from '../../../parley/attachment/v1/DownloadRequest';
import type { UploadChunk as _parley_attachment_v1_UploadChunk, UploadChunk__Output as _parley_attachment_v1_UploadChunk__Output } from '../../../parley/attachment/v1/UploadChunk';

export interface AttachmentServiceClient extends grpc.Client {
  ClaimAttachments(argument: _parley_attachment_v1_ClaimAttachmentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_attachment_v1_ClaimAttachmentsResponse__Output>): grpc.ClientUnaryCall;
  ClaimAttachments(argument: _parley_attachment_v1_ClaimAttachmentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_attachment_v1_ClaimAttachmentsResponse__Output>): grpc.ClientUnaryCall;
  ClaimAttachments(argument: _parley_attachment_v1_ClaimAttachmentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_attachment_v1_ClaimAttachmentsResponse__Output>): grpc.ClientUnaryCall;
  ClaimAttachments(argument: _parley_attachment_v1_ClaimAttachmentsRequest, callback: grpc.requestCallback<_parley_attachment_v1_ClaimAttachmentsResponse__Output>): grpc.ClientUnaryCall;
  claimAttachments(argument: _parley_attachment_v1_ClaimAttachmentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_attachment_v1_ClaimAttachmentsResponse__Output>): grpc.ClientUnaryCall;
  claimAttachments(argument: _parley_attachment_v1_ClaimAttachmentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_attachment_v1_ClaimAttachmentsResponse__Output>): grpc.ClientUnaryCall;
  claimAttachments(argument: _parley_attachment_v1_ClaimAttachmentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_attachment_v1_ClaimAttachmentsResponse__Output>): grpc.ClientUnaryCall;
  claimAttachments(argument: _parley_attachment_v1_ClaimAttachmentsRequest, callback: grpc.requestCallback<_parley_attachment_v1_ClaimAttachmentsResponse__Output>): grpc.ClientUnaryCall;
  
  CreateDownloadLink(argument: _parley_attachment_v1_DownloadLinkRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_attachment_v1_DownloadLink__Output>): grpc.ClientUnaryCall;
  CreateDownloadLink(argument: _parley_attachment_v1_DownloadLinkRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_attachment_v1_DownloadLink__Output>): grpc.ClientUnaryCall;
  CreateDownloadLink(argument: _parley_attachment_v1_DownloadLinkRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_attachment_v1_DownloadLink__Output>): grpc.ClientUnaryCall;
  CreateDownloadLink(argument: _parley_attachment_v1_DownloadLinkRequest, callback: grpc.requestCallback<_parley_attachment_v1_DownloadLink__Output>): grpc.ClientUnaryCall;
  createDownloadLink(argument: _parley_attachment_v1_DownloadLinkRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_attachment_v1_DownloadLink__Output>): grpc.ClientUnaryCall;
  createDownloadLink(argument: _parley_attachment_v1_DownloadLinkRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_attachment_v1_DownloadLink__Output>): grpc.ClientUnaryCall;
  createDownloadLink(argument: _parley_attachment_v1_DownloadLinkRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_attachment_v1_DownloadLink__Output>): grpc.ClientUnaryCall;
  createDownloadLink(argument: _parley_attachment_v1_DownloadLinkRequest, callback: grpc.requestCallback<_parley_attachment_v1_DownloadLink__Output>): grpc.ClientUnaryCall;
  
  DeleteAttachment(argument: _parley_attachment_v1_AttachmentRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_attachment_v1_DeleteAttachmentResponse__Output>): grpc.ClientUnaryCall;
  DeleteAttachment(argument: _parley_attachment_v1_AttachmentRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_attachment_v1_DeleteAttachmentResponse__Output>): grpc.ClientUnaryCall;
  DeleteAttachment(argument: _parley_attachment_v1_AttachmentRef, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_attachment_v1_DeleteAttachmentResponse__Output>): grpc.ClientUnaryCall;
  DeleteAttachment(argument: _parley_attachment_v1_AttachmentRef, callback: grpc.requestCallback<_parley_attachment_v1_DeleteAttachmentResponse__Output>): grpc.ClientUnaryCall;
  deleteAttachment(argument: _parley_attachment_v1_AttachmentRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_attachment_v1_DeleteAttachmentResponse__Output>): grpc.ClientUnaryCall;
  deleteAttachment(argument: _parley_attachment_v1_AttachmentRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_attachment_v1_DeleteAttachmentResponse__Output>): grpc.ClientUnaryCall;
  deleteAttachment(argument: _parley_attachment_v1_AttachmentRef, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_attachment_v1_DeleteAttachmentResponse__Output>): grpc.ClientUnaryCall;
  deleteAttachment(argument: _parley_attachment_v1_AttachmentRef, callback: grpc.requestCallback<_parley_attachment_v1_DeleteAttachmentResponse__Output>): grpc.ClientUnaryCall;
  
  Download(argument: _parley_attachment_v1_DownloadRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_parley_attachment_v1_DownloadChunk__Output>;
  Download(argument: _parley_attachment_v1_DownloadRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_parley_attachment_v1_DownloadChunk__Output>;
  download(argument: _parley_attachment_v1_DownloadRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_parley_attachment_v1_DownloadChunk__Output>;
  download(argument: _parley_attachment_v1_DownloadRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_parley_attachment_v1_DownloadChunk__Output>;
  
  GetAttachment(argument: _parley_attachment_v1_AttachmentRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_attachment_v1_Attachment__Output>): grpc.ClientUnaryCall;
  GetAttachment(argument: _parley_attachment_v1_AttachmentRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_attachment_v1_Attachment__Output>): grpc.ClientUnaryCall;
  GetAttachment(argument: _parley_attachment_v1_AttachmentRef, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_attachment_v1_Attachment__Output>): grpc.ClientUnaryCall;
  GetAttachment(argument: _parley_attachment_v1_AttachmentRef, callback: grpc.requestCallback<_parley_attachment_v1_Attachment__Output>): grpc.ClientUnaryCall;
  getAttachment(argument: _parley_attachment_v1_AttachmentRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_attachment_v1_Attachment__Output>): grpc.ClientUnaryCall;
  getAttachment(argument: _parley_attachment_v1_AttachmentRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_attachment_v1_Attachment__Output>): grpc.ClientUnaryCall;
  getAttachment(argument: _parley_attachment_v1_AttachmentRef, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_attachment_v1_Attachment__Output>): grpc.ClientUnaryCall;
  getAttachment(argument: _parley_attachment_v1_AttachmentRef, callback: grpc.requestCallback<_parley_attachment_v1_Attachment__Output>): grpc.ClientUnaryCall;
  
  Upload(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_attachment_v1_Attachment__Output>): grpc.ClientWritableStream<_parley_attachment_v1_UploadChunk>;
  Upload(metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_attachment_v1_Attachment__Output>): grpc.ClientWritableStream<_parley_attachment_v1_UploadChunk>;
  Upload(options: grpc.CallOptions, callback: grpc.requestCallback<_parley_attachment_v1_Attachment__Output>): grpc.ClientWritableStream<_parley_attachment_v1_UploadChunk>;
  Upload(callback: grpc.requestCallback<_parley_attachment_v1_Attachment__Output>): grpc.ClientWritableStream<_parley_attachment_v1_UploadChunk>;
  upload(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_attachment_v1_Attachment__Output>): grpc.ClientWritableStream<_parley_attachment_v1_UploadChunk>;
  upload(metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_attachment_v1_Attachment__Output>): grpc.ClientWritableStream<_parley_attachment_v1_UploadChunk>;
  upload(options: grpc.CallOptions, callback: grpc.requestCallback<_parley_attachment_v1_Attachment__Output>): grpc.ClientWritableStream<_parley_attachment_v1_UploadChunk>;
  upload(callback: grpc.requestCallback<_parley_attachment_v1_Attachment__Output>): grpc.ClientWritableStream<_parley_attachment_v1_UploadChunk>;
  
}

export interface AttachmentServiceHandlers extends grpc.UntypedServiceImplementation {
  ClaimAttachments: grpc.handleUnaryCall<_parley_attachment_v1_ClaimAttachmentsRequest__Output, _parley_attachment_v1_ClaimAttachmentsResponse>;
  
  CreateDownloadLink: grpc.handleUnaryCall<_parley_attachment_v1_DownloadLinkRequest__Output, _parley_attachment_v1_DownloadLink>;
  
  DeleteAttachment: grpc.handleUnaryCall<_parley_attachment_v1_AttachmentRef__Output, _parley_attachment_v1_DeleteAttachmentResponse>;
  
  Download: grpc.handleServerStreamingCall<_parley_attachment_v1_DownloadRequest__Output, _parley_attachment_v1_DownloadChunk>;
  
  GetAttachment: grpc.handleUnaryCall<_parley_attachment_v1_AttachmentRef__Output, _parley_attachment_v1_Attachment>;
  
  Upload: grpc.handleClientStreamingCall<_parley_attachment_v1_UploadChunk__Output, _parley_attachment_v1_Attachment>;
  
}

export interface AttachmentServiceDefinition extends grpc.ServiceDefinition {
  ClaimAttachments: MethodDefinition<_parley_attachment_v1_ClaimAttachmentsRequest, _parley_attachment_v1_ClaimAttachmentsResponse, _parley_attachment_v1_ClaimAttachmentsRequest__Output, _parley_attachment_v1_ClaimAttachmentsResponse__Output>
  CreateDownloadLink: MethodDefinition<_parley_attachment_v1_DownloadLinkRequest, _parley_attachment_v1_DownloadLink, _parley_attachment_v1_DownloadLinkRequest__Output, _parley_attachment_v1_DownloadLink__Output>
  DeleteAttachment: MethodDefinition<_parley_attachment_v1_AttachmentRef, _parley_attachment_v1_DeleteAttachmentResponse, _parley_attachment_v1_AttachmentRef__Output, _parley_attachment_v1_DeleteAttachmentResponse__Output>
  Download: MethodDefinition<_parley_attachment_v1_DownloadRequest, _parley_attachment_v1_DownloadChunk, _parley_attachment_v1_DownloadRequest__Output, _parley_attachment_v1_DownloadChunk__Output>
  GetAttachment: MethodDefinition<_parley_attachment_v1_AttachmentRef, _parley_attachment_v1_Attachment, _parley_attachment_v1_AttachmentRef__Output, _parley_attachment_v1_Attachment__Output>
  Upload: MethodDefinition<_parley_attachment_v1_UploadChunk, _parley_attachment_v1_Attachment, _parley_attachment_v1_UploadChunk__Output, _parley_attachment_v1_Attachment__Output>
}
