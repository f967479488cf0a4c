import { Schema } from 'mongoose';
import type { Milestone, ProjectStatus } from '../domain/projects.js';
import { plain } from './parts.js';

export const projectsCollection = 'relief_projects';

/** A Basij Construction project and its milestones. */
export interface StoredProject {
  _id: string;
  title: string;
  scope: string;
  neighbourhoodId: string;
  permitId: string | null;
  volunteers: { count: number; skills: string[] };
  milestones: Milestone[];
  status: ProjectStatus;
  evidence: string | null;
  completedOn: string | null;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
}

export const projectSchema = new Schema<StoredProject>(
  {
    _id: String,
    title: String,
    scope: String,
    neighbourhoodId: String,
    permitId: { type: String, default: null },
    volunteers: { count: Number, skills: [String] },
    milestones: [{ _id: false, milestoneId: String, title: String, dueOn: String, doneOn: { type: String, default: null } }],
    status: String,
    evidence: { type: String, default: null },
    completedOn: { type: String, default: null },
    createdAt: Date,
    createdBy: String,
    updatedAt: Date,
  },
  { ...plain, collection: projectsCollection },
);
