namespace Discogsography.ServiceInterface.Mail;

/// <summary>
/// A message to send. <see cref="LoggableText"/> is what may be logged when it cannot be sent (development only: it can
/// hold a reset link); <see cref="Kind"/> names it in logs.
/// </summary>
public sealed record OutgoingMail(string To, string Subject, string Html, string Text, string Kind, string LoggableText);
