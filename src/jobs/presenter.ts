/**
 * Shows a job's current state to its requester. The jobs code calls it after every change; the
 * Discord side implements it (edit the pending message, upload the video, or post anew) and
 * records what it showed on the job, so calling it twice for one state changes nothing.
 */
export interface JobPresenter {
	present(jobId: string): Promise<void>;
}
