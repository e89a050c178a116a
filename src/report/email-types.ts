/** What a renderer makes of a mail; the core adds the Message-ID, date and addresses. */
export interface MailContent {
  /** One line (headerText): no CR or LF. */
  subject: string;
  html: string;
  text: string;
}
