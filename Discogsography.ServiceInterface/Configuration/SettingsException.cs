namespace Discogsography.ServiceInterface.Configuration;

/// <summary>Configuration that stops startup; the message is printed as one line, without a stack trace.</summary>
public sealed class SettingsException(string message) : Exception(message);
