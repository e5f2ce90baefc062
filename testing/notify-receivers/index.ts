// Real receivers for notification tests (issue 19), on 127.0.0.1 and port 0:
//   const receivers = await startReceivers();            both, with channelInput(kind) for any kind
//   const http = await startHttpReceiver({ webhookSecret }); http.url('slack') … http.close()
//   const smtp = await startSmtpReceiver();               smtp.port … smtp.close()
// Both record what arrives (`received`), check it against the channel's documented shape (answering
// 400/401 as the service would), and fail on demand (`failNext(n, mode)`).
export {
  startHttpReceiver,
  type FailMode,
  type HttpKind,
  type HttpReceiver,
  type ReceivedRequest,
} from '@/testing/notify-receivers/http-receiver';
export {
  RECEIVER_ROUTING_KEY,
  RECEIVER_SIGNING_SECRET,
  startReceivers,
  type Receivers,
} from '@/testing/notify-receivers/receivers';
export { sampleMessage } from '@/testing/notify-receivers/sample-message';
export {
  startSmtpReceiver,
  type ReceivedMail,
  type SmtpFailMode,
  type SmtpReceiver,
} from '@/testing/notify-receivers/smtp-receiver';
